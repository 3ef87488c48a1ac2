import Crypto

#if canImport(Glibc)
  import Glibc
#endif

/// A file being written with a buffer, hashed as it is written, flushed and synced
/// before it is closed.
///
/// The manifest lists every output's size and SHA-256; hashing the bytes on their way
/// out saves reading each file back once it is closed.
final class OutputFile {
  let path: String
  private let descriptor: Int32
  private var buffer: [UInt8] = []
  private(set) var bytesWritten: Int64 = 0
  /// `nil` for a scratch file, which no manifest lists.
  private var hasher: SHA256?

  /// Creates (or empties) the file at `path`; a `scratch` file is neither hashed nor synced.
  init(path: String, scratch: Bool = false) throws {
    self.path = path
    descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
    guard descriptor >= 0 else { throw OutputError.cannotWrite(path: path, reason: OutputError.lastError()) }
    hasher = scratch ? nil : SHA256()
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

  /// Appends `bytes` as they are.
  func append(_ bytes: [UInt8]) throws {
    if buffer.isEmpty && bytes.count >= 1 << 16 {
      try bytes.withUnsafeBytes { try write($0) }
    } else {
      buffer.append(contentsOf: bytes)
      if buffer.count >= 1 << 16 { try flush() }
    }
  }

  /// Appends the whole file at `source`, read through a buffer so that it is hashed too.
  func append(contentsOf source: String) throws {
    try flush()
    let input = open(source, O_RDONLY | O_CLOEXEC)
    guard input >= 0 else { throw OutputError.cannotWrite(path: source, reason: OutputError.lastError()) }
    defer { Glibc.close(input) }
    var chunk = [UInt8](repeating: 0, count: 1 << 20)
    while true {
      let count = chunk.withUnsafeMutableBytes { Glibc.read(input, $0.baseAddress, $0.count) }
      if count == 0 { return }
      if count < 0 {
        if errno == EINTR { continue }
        throw OutputError.cannotWrite(path: source, reason: OutputError.lastError())
      }
      try chunk.withUnsafeBytes { try write(UnsafeRawBufferPointer(rebasing: $0[0..<count])) }
    }
  }

  func flush() throws {
    try buffer.withUnsafeBytes { try write($0) }
    buffer.removeAll(keepingCapacity: true)
  }

  /// Writes `bytes` past the buffer, which must be empty.
  private func write(_ bytes: UnsafeRawBufferPointer) throws {
    hasher?.update(bufferPointer: bytes)
    var offset = 0
    while offset < bytes.count {
      let written = Glibc.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
      if written < 0 {
        if errno == EINTR { continue }
        throw OutputError.cannotWrite(path: path, reason: OutputError.lastError())
      }
      offset += written
    }
    bytesWritten += Int64(bytes.count)
  }

  /// Flushes, syncs to disk (unless the file is scratch, whose bytes need never reach the
  /// disk) and closes; returns the file's size and SHA-256, with `path` as the manifest
  /// names it (an empty hash for scratch).
  @discardableResult
  func close(as path: String) throws -> RunManifest.Output {
    try flush()
    guard hasher == nil || fsync(descriptor) == 0 else {
      let reason = OutputError.lastError()
      Glibc.close(descriptor)
      throw OutputError.cannotWrite(path: self.path, reason: reason)
    }
    guard Glibc.close(descriptor) == 0 else {
      throw OutputError.cannotWrite(path: self.path, reason: OutputError.lastError())
    }
    return RunManifest.Output(path: path, bytes: bytesWritten, sha256: hasher?.finalize().hexString ?? "")
  }
}
