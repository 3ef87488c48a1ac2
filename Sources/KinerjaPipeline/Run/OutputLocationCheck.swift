import Foundation
import KinerjaExport

#if canImport(Glibc)
  import Glibc
#endif

/// Where a run may write. Publishing replaces what the output location holds with the run's
/// outputs, so the location is never the root, a system or home folder, or a folder that
/// holds one of the run's inputs; and it must be writable, which `validate` checks too.
enum OutputLocationCheck {
  /// Folders that are refused, and everything under them.
  static let systemTrees = [
    "/proc", "/sys", "/dev", "/etc", "/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32", "/usr", "/boot",
  ]
  /// Folders that are refused themselves; a folder under them is fine.
  static let systemFolders: Set<String> = [
    "/", "/home", "/root", "/var", "/var/lib", "/var/tmp", "/var/log", "/tmp", "/opt", "/srv", "/mnt", "/media",
    "/run",
  ]

  /// Why `output` may not be written by a run reading `inputs`, or `nil` when it may.
  static func refusal(of output: String, inputs: [String], home: String? = nil) -> String? {
    let location = resolved(output)
    if systemFolders.contains(location) || systemTrees.contains(where: { contains($0, location) }) {
      return location == "/" ? "the root folder cannot be an output location" : "\(location) is a system folder"
    }
    let homes = [home ?? ProcessInfo.processInfo.environment["HOME"]].compactMap { $0 }.map(resolved)
    if homes.contains(location) || (location.hasPrefix("/home/") && !location.dropFirst(6).contains("/")) {
      return "\(location) is a home folder"
    }
    for input in inputs {
      let path = resolved(input)
      if contains(location, path) && path != location {
        return "\(location) holds the input \(input); publishing would replace it"
      }
    }
    return nil
  }

  /// Why `output` cannot be written (its nearest existing folder is not writable), or `nil`.
  static func unwritable(_ output: String) -> String? {
    var folder = URL(fileURLWithPath: output).standardized.path
    while !FileManager.default.fileExists(atPath: folder) && folder != "/" {
      folder = (folder as NSString).deletingLastPathComponent
    }
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
      return "\(folder) is not a folder"
    }
    return access(folder, W_OK | X_OK) == 0 ? nil : "\(folder): \(String(cString: strerror(errno)))"
  }

  /// Whether `path` is `folder` or lies under it.
  private static func contains(_ folder: String, _ path: String) -> Bool {
    folder == "/" || path == folder || path.hasPrefix(folder + "/")
  }

  /// `path` made absolute, with the links of its existing part resolved before any `..`
  /// after them is applied (as the kernel does), and the rest taken as written.
  static func resolved(_ path: String) -> String {
    let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
    var existing = absolute
    var rest: [String] = []
    while existing != "/" && !existing.isEmpty {
      if let real = realpath(existing, nil) {
        defer { free(real) }
        return join(String(cString: real), rest)
      }
      rest.insert((existing as NSString).lastPathComponent, at: 0)
      existing = (existing as NSString).deletingLastPathComponent
    }
    return join("/", rest)
  }

  /// `base` followed by `components` (which do not exist, so hold no links), `.` and `..` applied.
  private static func join(_ base: String, _ components: [String]) -> String {
    var parts = base.split(separator: "/").map(String.init)
    for component in components {
      switch component {
      case "", ".": continue
      case "..": _ = parts.popLast()
      default: parts.append(component)
      }
    }
    return "/" + parts.joined(separator: "/")
  }
}
