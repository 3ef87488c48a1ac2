import Foundation
import KinerjaExport

#if canImport(Glibc)
  import Glibc
#endif

/// The lines a run writes to stderr: one summary per stage, and progress on a terminal.
///
/// Plain lines by default; with `format: .json`, one JSON object per line (`time`, `event`
/// and the event's fields) for schedulers and log collectors, and no progress indicator.
package struct RunLog: Sendable {
  /// How lines are written.
  package enum Format: String, Sendable, CaseIterable {
    case plain
    case json
  }

  /// Whether to write anything.
  package var isQuiet: Bool
  package var format: Format
  /// Inputs at least this large get a progress indicator when stderr is a terminal.
  package var progressThreshold: Int64 = 64 << 20

  package init(isQuiet: Bool = false, format: Format = .plain) {
    self.isQuiet = isQuiet
    self.format = format
  }

  /// Writes one message.
  package func line(_ text: String) {
    event("message", plain: text, fields: [("message", .text(text))])
  }

  /// A stage's summary: its name, what it counted, and how long it took.
  func stage(_ name: String, _ detail: String, seconds: Double) {
    let padded = name.padding(toLength: 34, withPad: " ", startingAt: 0)
    event(
      "stage", plain: "\(padded) \(detail)  (\(String(format: "%.2f", seconds)) s)",
      fields: [("stage", .text(name)), ("detail", .text(detail)), ("seconds", .number((seconds * 1000).rounded() / 1000))])
  }

  /// The run finished and its results are in `output`.
  package func finished(output: String) {
    event("finished", plain: "results in \(output)", fields: [("output", .text(output))])
  }

  /// The run was skipped because nothing changed since the last one.
  package func skipped(_ reason: String) {
    event("skipped", plain: "skipped: \(reason)", fields: [("reason", .text(reason))])
  }

  /// The command failed with `status`; written even when quiet.
  package func failed(_ message: String, status: Int32) {
    write(
      format == .json
        ? json("error", [("message", .text(message)), ("exit_code", .integer(Int(status)))])
        : "kinerja: error: \(message)")
  }

  private func event(_ name: String, plain: String, fields: [(String, Cell)]) {
    guard !isQuiet else { return }
    write(format == .json ? json(name, fields) : plain)
  }

  /// One JSON line, written as the outputs write their rows.
  private func json(_ name: String, _ fields: [(String, Cell)]) -> String {
    let all = [("time", Cell.text(Date().formatted(.iso8601))), ("event", .text(name))] + fields
    return TableWriter.jsonObject(all.map(\.1), columns: all.map(\.0))
  }

  private func write(_ text: String) {
    StandardError.write(text + "\n")
  }

  /// A progress callback for reading a file of `size` bytes, or `nil` when none is shown.
  func progress(label: String, size: Int64) -> ((Int64) -> Void)? {
    guard !isQuiet, format == .plain, size >= progressThreshold, isatty(STDERR_FILENO) != 0 else {
      return nil
    }
    let shown = ProgressState()
    return { bytes in
      let percent = Int(bytes * 100 / max(size, 1))
      guard percent != shown.percent else { return }
      shown.percent = percent
      StandardError.write("\r\(label): \(percent)%\(percent >= 100 ? "\r\u{1B}[K" : "")")
    }
  }
}

private final class ProgressState: @unchecked Sendable {
  var percent = -1
}
