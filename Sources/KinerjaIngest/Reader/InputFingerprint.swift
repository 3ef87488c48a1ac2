/// What identifies an input file's content: its size and SHA-256, as recorded in the manifest.
public struct InputFingerprint: Sendable, Equatable, Codable {
  /// The path as the pipeline named it.
  public var path: String
  /// Size in bytes.
  public var bytes: Int64
  /// SHA-256 of the whole file, lowercase hexadecimal.
  public var sha256: String

  public init(path: String, bytes: Int64, sha256: String) {
    self.path = path
    self.bytes = bytes
    self.sha256 = sha256
  }
}
