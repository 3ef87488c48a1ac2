import KinerjaClean
import KinerjaExport
import KinerjaIngest

/// Why a run stopped on its data after reading it (exit 1).
package enum RunError: Error, Sendable, Equatable, CustomStringConvertible {
  /// An input rejected more of its rows than the pipeline allows.
  case rejectRateExceeded(
    input: String, path: String, rejected: Int, read: Int, limit: Double, keptAt: String?)

  package var description: String {
    switch self {
    case .rejectRateExceeded(let input, let path, let rejected, let read, let limit, let keptAt):
      let rate = read == 0 ? 0 : Double(rejected) / Double(read)
      return "\(path): \(rejected) of \(read) \(input) rows rejected (\(Self.percent(rate))), "
        + "more than max_reject_rate \(Self.percent(limit)); previous outputs left untouched"
        + (keptAt.map { "; data quality and rejects of this run are in \($0)" } ?? "")
    }
  }

  private static func percent(_ share: Double) -> String {
    let tenths = (share * 1000).rounded() / 10
    return "\(tenths)%"
  }
}

/// How a failed command ends: the documented exit codes.
package enum ExitStatus: Int32, Sendable {
  /// Success.
  case success = 0
  /// A data problem: a reject rate over its limit, an empty input, a missing column.
  case dataProblem = 1
  /// A usage or pipeline-file error.
  case usage = 2
  /// An I/O error: an input that cannot be read, an output that cannot be written.
  case io = 3
  /// Another run was writing to the output location and `--no-wait` was given.
  case busy = 4

  /// The exit status for an error thrown by a run, a validation or an inspection;
  /// `nil` for errors that are not Kinerja's own (such as argument-parsing errors).
  package init?(for error: any Error) {
    switch error {
    case is PipelineFileError: self = .usage
    case let error as IngestError: self = error.isDataProblem ? .dataProblem : .io
    case is RunError: self = .dataProblem
    case is MemoryLimitError: self = .io
    case let error as OutputError:
      if case .busy = error { self = .busy } else { self = .io }
    default: return nil
    }
  }
}
