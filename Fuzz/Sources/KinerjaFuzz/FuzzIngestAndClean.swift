import Foundation
import KinerjaClean
import KinerjaIngest

/// Hands the command line to libFuzzer's driver, which calls `fuzzIngestAndClean` per input.
@main
enum KinerjaFuzz {
  static func main() {
    var argc = CommandLine.argc
    var argv = CommandLine.unsafeArgv
    exit(LLVMFuzzerRunDriver(&argc, &argv, fuzzIngestAndClean))
  }
}

@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
  _ argc: UnsafeMutablePointer<Int32>,
  _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
  _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32
) -> Int32

/// One fuzz input: the bytes as each of the five exports.
///
/// As a performance export and as an employee master, it is read and cleaned twice — in
/// one piece on one thread, and in 7-byte chunks on three threads — and must give the same
/// counts and rejects. As the other three it is cleaned once. Every row read must be
/// accepted or rejected. Errors that name the file (empty, header only, missing column,
/// not CSV) are fine; a crash, a hang, a broken invariant or a disagreement is a finding.
@_cdecl("LLVMFuzzerTestOneInput")
func fuzzIngestAndClean(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
  let path = FuzzFiles.shared.input
  FileManager.default.createFile(atPath: path, contents: data.map { Data(bytes: $0, count: size) } ?? Data())
  check(.performance, path: path)
  check(.employees, path: path)
  for kind in [InputKind.training, .serviceFeedback, .trainingFeedback] { checkOnce(kind, path: path) }
  return 0
}

/// The fixed roster appraisals are checked against, and the file each input is written to.
final class FuzzFiles: Sendable {
  static let shared = FuzzFiles()

  let input: String
  let roster: EmployeeRoster

  private init() {
    let folder = NSTemporaryDirectory() + "kinerja-fuzz-\(getpid())"
    try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    input = folder + "/input.csv"
    let employees = folder + "/employees.csv"
    FileManager.default.createFile(
      atPath: employees,
      contents: Data("nip,agency_code,region\n198001012005011001,A1,R1\n198502022010012002,A2,R1\n".utf8))
    var rejects = FuzzRejects()
    roster = try! EmployeeCleaner().clean(InputReader(kind: .employees, path: employees), rejects: &rejects)
      .roster
  }
}

/// Keeps each rejection as text, for comparing two passes.
struct FuzzRejects: RejectRecorder {
  var rows: [String] = []

  mutating func reject(_ record: CSVRecord, of input: InputReader, because rejection: Rejection) throws {
    rows.append("\(record.line) \(record.offset) \(rejection.reason.rawValue) \(record.fieldTexts)")
  }
}

private func check(_ kind: InputKind, path: String) {
  guard let reader = try? InputReader(kind: kind, path: path) else { return }
  func clean(chunkSize: Int, threads: Int) -> (InputTally, [String])? {
    var rejects = FuzzRejects()
    do {
      switch kind {
      case .performance:
        let result = try PerformanceCleaner(grain: .month, chunkSize: chunkSize).clean(
          reader, roster: FuzzFiles.shared.roster, threads: threads, rejects: &rejects)
        return (result.tally, rejects.rows)
      default:
        let result = try EmployeeCleaner(chunkSize: chunkSize).clean(
          reader, threads: threads, rejects: &rejects)
        return (result.tally, rejects.rows)
      }
    } catch let error as IngestError {
      precondition(error.description.contains(path), "an ingest error names the file: \(error)")
      return nil
    } catch {
      fatalError("unexpected error: \(error)")
    }
  }
  let whole = clean(chunkSize: 1 << 30, threads: 1)
  let chunked = clean(chunkSize: 7, threads: 3)
  precondition((whole == nil) == (chunked == nil), "one pass failed and the other did not")
  guard let whole, let chunked else { return }
  precondition(whole.0.rowsRead == whole.0.accepted + whole.0.rejected, "rows read = accepted + rejected")
  precondition(whole.1.count == whole.0.rejected, "every rejected row is recorded")
  precondition(whole.0 == chunked.0, "chunked counts differ: \(whole.0) vs \(chunked.0)")
  precondition(whole.1 == chunked.1, "chunked rejects differ")
}

/// Cleans the input as a training history, survey or course evaluation export, which are
/// read in one piece, and checks that every row read was accepted or rejected.
private func checkOnce(_ kind: InputKind, path: String) {
  guard let reader = try? InputReader(kind: kind, path: path) else { return }
  var rejects = FuzzRejects()
  let tally: InputTally
  do {
    switch kind {
    case .training:
      tally = try TrainingCleaner().clean(reader, roster: FuzzFiles.shared.roster, rejects: &rejects).tally
    case .serviceFeedback:
      tally = try ServiceFeedbackCleaner(grain: .month).clean(reader, rejects: &rejects).tally
    default:
      tally = try TrainingFeedbackCleaner().clean(
        reader, roster: FuzzFiles.shared.roster, participations: nil, rejects: &rejects
      ).tally
    }
  } catch let error as IngestError {
    precondition(error.description.contains(path), "an ingest error names the file: \(error)")
    return
  } catch {
    fatalError("unexpected error: \(error)")
  }
  precondition(tally.rowsRead == tally.accepted + tally.rejected, "rows read = accepted + rejected")
  precondition(rejects.rows.count == tally.rejected, "every rejected row is recorded")
}
