import Foundation

/// A directory under the system's temporary folder, removed when the value is released.
public final class TemporaryDirectory: @unchecked Sendable {
  /// The directory's path.
  public let path: String

  public init() {
    path = NSTemporaryDirectory() + "kinerja-test-" + UUID().uuidString
    try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
  }

  deinit { try? FileManager.default.removeItem(atPath: path) }

  /// Writes `text` as UTF-8 to `name` inside the directory and returns its path.
  @discardableResult
  public func write(_ name: String, _ text: String) -> String {
    write(name, bytes: Array(text.utf8))
  }

  /// Writes raw bytes to `name` inside the directory and returns its path.
  @discardableResult
  public func write(_ name: String, bytes: [UInt8]) -> String {
    let file = "\(path)/\(name)"
    try! FileManager.default.createDirectory(
      atPath: (file as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
    FileManager.default.createFile(atPath: file, contents: Data(bytes))
    return file
  }

  /// The contents of `name` inside the directory, as text.
  public func read(_ name: String) -> String? {
    FileManager.default.contents(atPath: "\(path)/\(name)").map { String(decoding: $0, as: UTF8.self) }
  }
}

/// A seeded random number generator (SplitMix64), so a failing random test can be replayed.
public struct SeededGenerator: RandomNumberGenerator, Sendable {
  private var state: UInt64

  public init(seed: UInt64) { state = seed }

  public mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}
