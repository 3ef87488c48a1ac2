#if canImport(Glibc)
  import Glibc
#endif

/// A file being written with a buffer, flushed and synced before it is closed.
final class OutputFile {
  let path: String
  private let descriptor: Int32
  private var buffer: [UInt8] = []
  private(set) var bytesWritten: Int64 = 0

  init(path: String) throws {
    self.path = path
    descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
    guard descriptor >= 0 else { throw OutputError.cannotWrite(path: path, reason: OutputError.lastError()) }
    buffer.reserveCapacity(1 << 16)
  }

  func write(_ text: String) throws {
    buffer.append(contentsOf: text.utf8)
    if buffer.count >= 1 << 16 { try flush() }
  }

  /// Lets `body` append bytes to the write buffer directly.
  func append(_ body: (inout [UInt8]) -> Void) throws {
    body(&buffer)
    if buffer.count >= 1 << 16 { try flush() }
  }

  func flush() throws {
    var offset = 0
    while offset < buffer.count {
      let written = buffer.withUnsafeBytes {
        Glibc.write(descriptor, $0.baseAddress! + offset, $0.count - offset)
      }
      if written < 0 {
        if errno == EINTR { continue }
        throw OutputError.cannotWrite(path: path, reason: OutputError.lastError())
      }
      offset += written
    }
    bytesWritten += Int64(buffer.count)
    buffer.removeAll(keepingCapacity: true)
  }

  /// Flushes, syncs to disk and closes.
  func close() throws {
    try flush()
    guard fsync(descriptor) == 0 else {
      let reason = OutputError.lastError()
      Glibc.close(descriptor)
      throw OutputError.cannotWrite(path: path, reason: reason)
    }
    guard Glibc.close(descriptor) == 0 else {
      throw OutputError.cannotWrite(path: path, reason: OutputError.lastError())
    }
  }
}
