#if canImport(Glibc)
  import Glibc
#endif

/// Writes to stderr without ever stopping the program: when stderr is a pipe nobody reads
/// any more (a closed log collector, `| head`), or a file that cannot grow, the text is
/// dropped and the run goes on to publish its outputs.
package enum StandardError {
  /// Writes `text` as it is (add the line end yourself).
  package static func write(_ text: String) {
    var bytes = Array(text.utf8)
    bytes.withUnsafeMutableBytes { buffer in
      var offset = 0
      while offset < buffer.count {
        let written = Glibc.write(STDERR_FILENO, buffer.baseAddress! + offset, buffer.count - offset)
        if written < 0 && errno == EINTR { continue }
        guard written > 0 else { return }
        offset += written
      }
    }
  }

  /// Ignores the signals that a write can raise, SIGPIPE on a closed pipe and SIGXFSZ past
  /// the file-size limit, so that the write fails with an error instead: a closed log pipe
  /// is ignored, and an output that cannot grow is an I/O error (exit 3).
  package static func ignoreWriteSignals() {
    signal(SIGPIPE, SIG_IGN)
    signal(SIGXFSZ, SIG_IGN)
  }
}
