import Foundation
import Testing

/// Runs the built `kinerja` binary, as a user would from a shell.
struct KinerjaCommand {
  struct Result {
    var status: Int32
    var standardOutput: String
    var standardError: String
  }

  /// The repository's root folder.
  static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent()
    .deletingLastPathComponent()

  /// The `kinerja` binary next to the test bundle.
  static let binary: URL = {
    let beside = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
      .deletingLastPathComponent()
    for folder in [beside, Bundle.main.bundleURL, Bundle.main.bundleURL.deletingLastPathComponent()] {
      let candidate = folder.appendingPathComponent("kinerja")
      if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
    }
    return repository.appendingPathComponent(".build/debug/kinerja")
  }()

  /// Runs `kinerja` with `arguments` and waits for it.
  ///
  /// `environment` is added to this process's environment (a `nil` value removes a
  /// variable), so a test can pin `SOURCE_DATE_EPOCH` or clear `SWIFT_DETERMINISTIC_HASHING`.
  static func run(_ arguments: [String], environment: [String: String?] = [:]) throws -> Result {
    try ProcessRunning.run(binary.path, arguments, environment: environment)
  }

  /// The environment that pins a run's date: `SOURCE_DATE_EPOCH` (2026-11-23T23:59:59Z) and
  /// per-process hash seeds, so two processes differ exactly where a real night's would.
  static let pinnedDate: [String: String?] = [
    "SOURCE_DATE_EPOCH": "1795478399", "SWIFT_DETERMINISTIC_HASHING": nil,
  ]
}

/// Every file under `folder`, relative path → contents.
func filesUnder(_ folder: String) -> [String: Data] {
  var result: [String: Data] = [:]
  let enumerator = FileManager.default.enumerator(atPath: folder)
  while let path = enumerator?.nextObject() as? String {
    var isDirectory: ObjCBool = false
    FileManager.default.fileExists(atPath: "\(folder)/\(path)", isDirectory: &isDirectory)
    // The lock file names the last run that held it, not an output.
    if !isDirectory.boolValue, path != ".kinerja.lock" {
      result[path] = FileManager.default.contents(atPath: "\(folder)/\(path)")
    }
  }
  return result
}

/// A CSV file split by a parser of the tests' own, independent of the libcsv reader Kinerja
/// uses: RFC 4180 quoting (delimiters, `""` and line breaks inside quotes), LF or CRLF line
/// ends, a UTF-8 byte order mark. A quote that does not open a field is kept as text, as a
/// spreadsheet would keep it. Fields are decoded as UTF-8, invalid bytes replaced.
struct CSVText {
  /// The first record.
  var header: [String]
  /// Every record after the header, in file order.
  var records: [[String]]

  init(bytes: [UInt8], delimiter: UInt8) {
    var records: [[String]] = []
    var record: [String] = []
    var field: [UInt8] = []
    var index = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
    var inQuotes = false
    var atFieldStart = true
    func endField() {
      record.append(String(decoding: field, as: UTF8.self))
      field.removeAll(keepingCapacity: true)
      atFieldStart = true
    }
    while index < bytes.count {
      let byte = bytes[index]
      index += 1
      if inQuotes {
        if byte == UInt8(ascii: "\"") {
          if index < bytes.count, bytes[index] == UInt8(ascii: "\"") {
            field.append(byte)
            index += 1
          } else {
            inQuotes = false
          }
        } else {
          field.append(byte)
        }
      } else if byte == UInt8(ascii: "\"") && atFieldStart {
        inQuotes = true
        atFieldStart = false
      } else if byte == delimiter {
        endField()
      } else if byte == 0x0A || (byte == 0x0D && index < bytes.count && bytes[index] == 0x0A) {
        if byte == 0x0D { index += 1 }
        endField()
        records.append(record)
        record = []
      } else {
        field.append(byte)
        atFieldStart = false
      }
    }
    if !field.isEmpty || !record.isEmpty || inQuotes {
      endField()
      records.append(record)
    }
    header = records.first ?? []
    self.records = Array(records.dropFirst())
  }

  init(path: String, delimiter: UInt8) throws {
    self.init(bytes: Array(try Data(contentsOf: URL(fileURLWithPath: path))), delimiter: delimiter)
  }

  /// The values of the column called `name` in the header, one per record that has it.
  func column(_ name: String) -> [String]? {
    guard let position = header.firstIndex(of: name) else { return nil }
    return records.compactMap { position < $0.count ? $0[position] : nil }
  }

  /// The records as column name → value (records with another field count are left out).
  var rows: [[String: String]] {
    records.filter { $0.count == header.count }.map { Dictionary(uniqueKeysWithValues: zip(header, $0)) }
  }
}

/// `manifest.json` as canonical JSON (sorted keys) without what may differ between runs of
/// the same inputs: the start and finish times, each stage's seconds and, with
/// `threads: true`, the thread count. Everything else must be equal byte for byte.
func manifestWithoutTimes(_ data: Data?, threads: Bool = false) throws -> String {
  let data = try #require(data, "manifest.json is missing")
  var manifest = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
  for key in ["started_at", "finished_at"] + (threads ? ["threads"] : []) {
    #expect(manifest.removeValue(forKey: key) != nil, "manifest.json has no \(key)")
  }
  let stages = try #require(manifest["stages"] as? [[String: Any]])
  manifest["stages"] = stages.map { stage in
    var stage = stage
    #expect(stage.removeValue(forKey: "seconds") != nil, "a stage without seconds")
    return stage
  }
  let canonical = try JSONSerialization.data(
    withJSONObject: manifest, options: [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes])
  return String(decoding: canonical, as: UTF8.self)
}
