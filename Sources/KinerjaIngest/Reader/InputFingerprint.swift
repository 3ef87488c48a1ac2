import Crypto

/// What identifies an input file's content: its size and SHA-256, as recorded in the manifest.
public struct InputFingerprint: Sendable, Equatable, Codable {
  /// The path as the pipeline named it.
  package var path: String
  /// Size in bytes.
  package var bytes: Int64
  /// SHA-256 of the whole file, lowercase hexadecimal.
  package var sha256: String

  package init(path: String, bytes: Int64, sha256: String) {
    self.path = path
    self.bytes = bytes
    self.sha256 = sha256
  }
}

extension InputFingerprint {
  /// Reads the whole file at `path` and fingerprints it.
  package static func of(path: String) throws -> InputFingerprint {
    let file = try InputFile(path: path)
    defer { file.close() }
    var hasher = SHA256()
    let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 20, alignment: 16)
    defer { buffer.deallocate() }
    var total: Int64 = 0
    while true {
      let count = try file.read(into: buffer)
      if count == 0 { break }
      hasher.update(bufferPointer: UnsafeRawBufferPointer(rebasing: buffer[0..<count]))
      total += Int64(count)
    }
    return InputFingerprint(path: path, bytes: total, sha256: hasher.finalize().hexString)
  }
}
