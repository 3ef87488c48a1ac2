import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// The lines a run writes to stderr: one summary per stage, and progress on a terminal.
public struct RunLog: Sendable {
  /// Whether to write anything.
  public var isQuiet: Bool
  /// Inputs at least this large get a progress indicator when stderr is a terminal.
  public var progressThreshold: Int64 = 64 << 20

  public init(isQuiet: Bool = false) { self.isQuiet = isQuiet }

  /// Writes one line.
  public func line(_ text: String) {
    guard !isQuiet else { return }
    FileHandle.standardError.write(Data((text + "\n").utf8))
  }

  /// A stage's summary: its name, what it counted, and how long it took.
  func stage(_ name: String, _ detail: String, seconds: Double) {
    let padded = name.padding(toLength: 34, withPad: " ", startingAt: 0)
    line("\(padded) \(detail)  (\(String(format: "%.2f", seconds)) s)")
  }

  /// A progress callback for reading a file of `size` bytes, or `nil` when none is shown.
  func progress(label: String, size: Int64) -> ((Int64) -> Void)? {
    guard !isQuiet, size >= progressThreshold, isatty(STDERR_FILENO) != 0 else { return nil }
    let shown = ProgressState()
    return { bytes in
      let percent = Int(bytes * 100 / max(size, 1))
      guard percent != shown.percent else { return }
      shown.percent = percent
      FileHandle.standardError.write(
        Data("\r\(label): \(percent)%\(percent >= 100 ? "\r\u{1B}[K" : "")".utf8))
    }
  }
}

private final class ProgressState: @unchecked Sendable {
  var percent = -1
}
