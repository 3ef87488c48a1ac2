#if canImport(Glibc)
  import Glibc
#endif

/// Why outputs could not be written; every case is an I/O problem (exit 3).
public enum OutputError: Error, Sendable, Equatable, CustomStringConvertible {
  /// A file or directory could not be created or written (permissions, full disk).
  case cannotWrite(path: String, reason: String)
  /// The finished outputs could not be moved into place.
  case cannotPublish(path: String, reason: String)

  public var description: String {
    switch self {
    case .cannotWrite(let path, let reason): "\(path): cannot write: \(reason)"
    case .cannotPublish(let path, let reason):
      "\(path): cannot move the finished outputs into place: \(reason)"
    }
  }

  static func lastError() -> String { String(cString: strerror(errno)) }
}
