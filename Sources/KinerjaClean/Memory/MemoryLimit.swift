import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// The memory this process may still take before the system refuses it or kills it: the
/// tightest of the address-space and data limits (`ulimit -v`, `ulimit -d`) and of the
/// memory cgroup (v2 `memory.max`, v1 `memory.limit_in_bytes`, of its own group and the
/// groups above), each less what is already used under it.
package struct MemoryLimit: Sendable, Equatable {
  /// Bytes still available, and which limit leaves the fewest.
  package var available: Int64
  package var source: String

  /// The limit that applies now, or `nil` when none does.
  package static func current() -> MemoryLimit? {
    var limits: [MemoryLimit] = []
    let status = processStatus()
    for (resource, name, usedKey) in [(RLIMIT_AS, "ulimit -v", "VmSize"), (RLIMIT_DATA, "ulimit -d", "VmData")] {
      var limit = rlimit()
      #if os(Linux)
        let got = getrlimit(__rlimit_resource_t(resource.rawValue), &limit)
      #else
        let got = getrlimit(resource, &limit)
      #endif
      if got == 0, limit.rlim_cur != rlim_t.max, let used = status[usedKey] {
        limits.append(MemoryLimit(available: Int64(clamping: limit.rlim_cur) - used, source: name))
      }
    }
    limits += cgroupLimits()
    return limits.min { $0.available < $1.available }
  }

  /// `VmSize`, `VmData` … of /proc/self/status, in bytes.
  private static func processStatus() -> [String: Int64] {
    guard let text = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return [:] }
    var result: [String: Int64] = [:]
    for line in text.split(separator: "\n") {
      let parts = line.split(whereSeparator: { $0 == ":" || $0 == " " || $0 == "\t" })
      if parts.count >= 3, parts[2] == "kB", let kilobytes = Int64(parts[1]) { result[String(parts[0])] = kilobytes * 1024 }
    }
    return result
  }

  /// The memory cgroup's limits less their usage, from this process's group up to the root.
  private static func cgroupLimits() -> [MemoryLimit] {
    guard let groups = try? String(contentsOfFile: "/proc/self/cgroup", encoding: .utf8) else { return [] }
    var result: [MemoryLimit] = []
    for line in groups.split(separator: "\n") {
      let fields = line.split(separator: ":", maxSplits: 2, omittingEmptySubsequences: false)
      guard fields.count == 3 else { continue }
      // Usage includes the page cache; its inactive part is reclaimed before the group is
      // out of memory, so it counts as available (as container runtimes count it).
      let (root, limitFile, usageFile, cacheKey): (String, String, String, String)
      if fields[0] == "0" && fields[1].isEmpty {
        (root, limitFile, usageFile, cacheKey) = ("/sys/fs/cgroup", "memory.max", "memory.current", "inactive_file")
      } else if fields[1].split(separator: ",").contains("memory") {
        (root, limitFile, usageFile, cacheKey) = (
          "/sys/fs/cgroup/memory", "memory.limit_in_bytes", "memory.usage_in_bytes", "total_inactive_file"
        )
      } else {
        continue
      }
      var group = String(fields[2])
      while true {
        let folder = root + (group == "/" ? "" : group)
        if let limit = number(in: "\(folder)/\(limitFile)"), limit < Int64(1) << 60,
          let used = number(in: "\(folder)/\(usageFile)")
        {
          let cache = statistic(cacheKey, in: "\(folder)/memory.stat") ?? 0
          result.append(MemoryLimit(available: limit - used + cache, source: "cgroup \(folder)/\(limitFile)"))
        }
        if group == "/" || group.isEmpty { break }
        group = (group as NSString).deletingLastPathComponent
      }
    }
    return result
  }

  /// The value of `key` in a `memory.stat` file.
  private static func statistic(_ key: String, in path: String) -> Int64? {
    guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return nil }
    for line in text.split(separator: "\n") {
      let parts = line.split(separator: " ")
      if parts.count == 2, parts[0] == key { return Int64(parts[1]) }
    }
    return nil
  }

  /// The whole number in a one-line file (`max` and unreadable files give `nil`).
  private static func number(in path: String) -> Int64? {
    guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return nil }
    return Int64(text.trimmingCharacters(in: .whitespacesAndNewlines))
  }
}

/// A run that would take more memory than its limit allows, stopped before it asked for it.
package struct MemoryLimitError: Error, Sendable, Equatable, CustomStringConvertible {
  /// What the memory was needed for.
  package var purpose: String
  package var needed: Int64
  package var limit: MemoryLimit

  package var description: String {
    "\(purpose) needs \(Self.mebibytes(needed)) MiB, but only \(Self.mebibytes(max(0, limit.available))) MiB "
      + "are left under \(limit.source); previous outputs left untouched"
  }

  private static func mebibytes(_ bytes: Int64) -> Int64 { (bytes + (1 << 20) - 1) >> 20 }
}
