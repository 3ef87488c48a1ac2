import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// The advisory lock that lets one run at a time write to an output location.
///
/// The lock is `flock` on `OUTPUT/.kinerja.lock`, which names its holder (process, host,
/// start time) for whoever has to wait. Publishing in place replaces the whole output
/// folder, lock file included, so the holder also locks the new folder's lock file before
/// the exchange, and a run that waited checks that the file it locked is still the one at
/// the path; if not, it takes the new one.
final class OutputLock: @unchecked Sendable {
  /// The lock file's name inside the output location.
  static let fileName = ".kinerja.lock"

  private var descriptors: [Int32] = []
  private let holder: String

  /// Takes the lock of the output location `location`. When another run holds it, waits
  /// for it (after telling `waiting` who holds it) or, when `wait` is false, throws
  /// `OutputError.busy`.
  init(location: String, wait: Bool, waiting: (String) -> Void) throws {
    holder = Self.describeThisProcess()
    let path = "\(location)/\(Self.fileName)"
    while true {
      let descriptor = try Self.open(path)
      if flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
        guard errno == EWOULDBLOCK else {
          let reason = OutputError.lastError()
          Glibc.close(descriptor)
          throw OutputError.cannotWrite(path: path, reason: "cannot lock: \(reason)")
        }
        let current = Self.contents(of: descriptor)
        guard wait else {
          Glibc.close(descriptor)
          throw OutputError.busy(path: location, holder: current)
        }
        waiting("\(location): another run is writing here (\(current)); waiting for it to finish")
        while flock(descriptor, LOCK_EX) != 0 {
          guard errno == EINTR else {
            let reason = OutputError.lastError()
            Glibc.close(descriptor)
            throw OutputError.cannotWrite(path: path, reason: "cannot lock: \(reason)")
          }
        }
      }
      guard Self.isStillAt(path, descriptor) else {
        Glibc.close(descriptor)
        continue
      }
      descriptors.append(descriptor)
      Self.record(holder, in: descriptor)
      return
    }
  }

  /// Locks the lock file of `folder`, which is about to replace the output location, so
  /// that the lock is held across the exchange.
  func extend(to folder: String) throws {
    let descriptor = try Self.open("\(folder)/\(Self.fileName)")
    guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
      let reason = OutputError.lastError()
      Glibc.close(descriptor)
      throw OutputError.cannotWrite(path: folder, reason: "cannot lock: \(reason)")
    }
    descriptors.append(descriptor)
    Self.record(holder, in: descriptor)
  }

  /// Gives the lock up (also done when the process ends).
  func release() {
    for descriptor in descriptors { Glibc.close(descriptor) }
    descriptors.removeAll()
  }

  deinit { release() }

  private static func open(_ path: String) throws -> Int32 {
    let descriptor = Glibc.open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
    guard descriptor >= 0 else {
      throw OutputError.cannotWrite(path: path, reason: OutputError.lastError())
    }
    return descriptor
  }

  /// Whether `descriptor` is the file now at `path` (the folder was not replaced meanwhile).
  private static func isStillAt(_ path: String, _ descriptor: Int32) -> Bool {
    var held = stat()
    var current = stat()
    guard fstat(descriptor, &held) == 0, stat(path, &current) == 0 else { return false }
    return held.st_dev == current.st_dev && held.st_ino == current.st_ino
  }

  private static func contents(of descriptor: Int32) -> String {
    var bytes = [UInt8](repeating: 0, count: 256)
    let count = pread(descriptor, &bytes, bytes.count, 0)
    let text = String(decoding: bytes.prefix(max(0, count)), as: UTF8.self)
      .trimmingCharacters(in: .whitespacesAndNewlines)
    return text.isEmpty ? "holder unknown" : text
  }

  private static func record(_ holder: String, in descriptor: Int32) {
    let line = Array((holder + "\n").utf8)
    _ = ftruncate(descriptor, 0)
    _ = line.withUnsafeBytes { pwrite(descriptor, $0.baseAddress, $0.count, 0) }
  }

  private static func describeThisProcess() -> String {
    let formatter = ISO8601DateFormatter()
    return "process \(getpid()) on \(ProcessInfo.processInfo.hostName) since \(formatter.string(from: Date()))"
  }
}
