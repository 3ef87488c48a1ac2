#if canImport(Glibc)
  import Glibc
#endif

/// Why outputs could not be written: an I/O problem (exit 3), or another run writing to
/// the same location (exit 4).
package enum OutputError: Error, Sendable, Equatable, CustomStringConvertible {
  /// A file or directory could not be created or written (permissions, full disk).
  case cannotWrite(path: String, reason: String)
  /// The finished outputs could not be moved into place.
  case cannotPublish(path: String, reason: String)
  /// Another run holds the output location's lock and the run was asked not to wait.
  case busy(path: String, holder: String)

  package var description: String {
    switch self {
    case .cannotWrite(let path, let reason): "\(path): cannot write: \(reason)"
    case .cannotPublish(let path, let reason):
      "\(path): cannot move the finished outputs into place: \(reason)"
    case .busy(let path, let holder):
      "\(path): another run is writing here (\(holder)); nothing was done (--no-wait)"
    }
  }

  static func lastError() -> String { String(cString: strerror(errno)) }
}
