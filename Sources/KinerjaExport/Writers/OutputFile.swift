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

  /// Appends the whole file at `source`, copied inside the kernel where the file
  /// system allows it (`sendfile`), else read and written through a buffer.
  func append(contentsOf source: String) throws {
    try flush()
    let input = open(source, O_RDONLY | O_CLOEXEC)
    guard input >= 0 else { throw OutputError.cannotWrite(path: source, reason: OutputError.lastError()) }
    defer { Glibc.close(input) }
    while true {
      let copied = sendfile(descriptor, input, nil, 1 << 30)
      if copied > 0 {
        bytesWritten += Int64(copied)
        continue
      }
      if copied == 0 { return }
      if errno == EINTR { continue }
      guard [EXDEV, ENOSYS, EINVAL, EOPNOTSUPP].contains(errno) else {
        throw OutputError.cannotWrite(path: path, reason: OutputError.lastError())
      }
      break
    }
    // The kernel cannot copy between these files: go through a buffer, from where it stopped.
    var chunk = [UInt8](repeating: 0, count: 1 << 20)
    while true {
      let count = chunk.withUnsafeMutableBytes { Glibc.read(input, $0.baseAddress, $0.count) }
      if count == 0 { return }
      if count < 0 {
        if errno == EINTR { continue }
        throw OutputError.cannotWrite(path: source, reason: OutputError.lastError())
      }
      try append { $0.append(contentsOf: chunk[0..<count]) }
      try flush()
    }
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

  /// Flushes, syncs to disk and closes; a scratch file that is removed before the run
  /// ends (`sync: false`) is not synced, so its bytes need never reach the disk.
  func close(sync: Bool = true) throws {
    try flush()
    guard !sync || fsync(descriptor) == 0 else {
      let reason = OutputError.lastError()
      Glibc.close(descriptor)
      throw OutputError.cannotWrite(path: path, reason: reason)
    }
    guard Glibc.close(descriptor) == 0 else {
      throw OutputError.cannotWrite(path: path, reason: OutputError.lastError())
    }
  }
}
