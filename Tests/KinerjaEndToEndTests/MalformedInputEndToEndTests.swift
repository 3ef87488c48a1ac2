import Foundation
import KinerjaTestSupport
import Testing

/// The malformed-input corpus: each broken export gets a clear message or its rows the
/// right reject reason — never a crash or a hang — and rows read = accepted + rejected.
@Suite struct MalformedInputEndToEndTests {
  static let nips = ["198001012005011001", "198502022010012002", "199003032015031003"]
  static let employees = "nip,agency_code,region,birth_date\n" + nips.map { "\($0),A1,R1,\n" }.joined()

  /// What a run over `performance` (and `employees`) left behind.
  struct Outcome {
    var status: Int32
    var message: String
    /// Reject reason and detail of each rejected appraisal row, in order.
    var rejects: [(reason: String, detail: String)]
    var read = 0, accepted = 0, rejected = 0
    /// Peak resident memory of the run in KiB.
    var peakKiB = 0
    /// Reject reasons of the employee master's rows.
    var employeeRejects: [String] = []
  }

  static func run(
    performance: [UInt8], employees: String = employees, options: String = ""
  ) throws -> Outcome {
    let directory = TemporaryDirectory()
    directory.write("employees.csv", employees)
    directory.write("performance.csv", bytes: performance)
    let pipeline = directory.write(
      "p.yaml",
      """
      inputs:
        employees: { path: employees.csv }
        performance: { path: performance.csv\(options) }
      outputs: [trends]
      min_group: 1
      max_reject_rate: 1.0
      report: false
      output: out

      """)
    // Python's resource module gives the child's peak memory.
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = [
      "python3", "-c",
      "import resource, subprocess, sys; status = subprocess.run(sys.argv[1:]).returncode; "
        + "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss); sys.exit(status)",
      KinerjaCommand.binary.path, "run", pipeline, "--quiet",
    ]
    let output = Pipe()
    let error = Pipe()
    process.standardOutput = output
    process.standardError = error
    try process.run()
    let peak = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    let message = String(decoding: error.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    var outcome = Outcome(
      status: process.terminationStatus, message: message, rejects: [],
      peakKiB: Int(peak.trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0)
    if let quality = directory.read("out/data_quality.csv") {
      for line in quality.split(separator: "\n").dropFirst() where line.hasPrefix("performance,") {
        let cells = line.split(separator: ",", omittingEmptySubsequences: false)
        (outcome.read, outcome.accepted, outcome.rejected) = (Int(cells[2])!, Int(cells[3])!, Int(cells[4])!)
      }
    }
    func rejectRows(_ input: String) throws -> [[String: Any]] {
      guard let rejects = directory.read("out/rejects/\(input).json"),
        let object = try JSONSerialization.jsonObject(with: Data(rejects.utf8)) as? [String: Any]
      else { return [] }
      return object["rows"] as? [[String: Any]] ?? []
    }
    outcome.rejects = try rejectRows("performance").map {
      ($0["reason"] as? String ?? "", $0["detail"] as? String ?? "")
    }
    outcome.employeeRejects = try rejectRows("employees").map { $0["reason"] as? String ?? "" }
    return outcome
  }

  static func rows(_ lines: [String], header: String = "nip,period,score") -> [UInt8] {
    Array(([header] + lines).joined(separator: "\n").utf8) + [0x0A]
  }

  static func expectBalanced(_ outcome: Outcome, read: Int, sourceLocation: SourceLocation = #_sourceLocation)
  {
    #expect(outcome.status == 0, "\(outcome.message)", sourceLocation: sourceLocation)
    #expect(outcome.read == read, sourceLocation: sourceLocation)
    #expect(outcome.read == outcome.accepted + outcome.rejected, sourceLocation: sourceLocation)
    #expect(outcome.rejects.count == outcome.rejected, sourceLocation: sourceLocation)
  }

  @Test func unbalancedQuoteAtEndOfFile() throws {
    let outcome = try Self.run(
      performance: Self.rows(["\(Self.nips[0]),2024-01,80", "\(Self.nips[1]),\"2024-01,81"]))
    Self.expectBalanced(outcome, read: 2)
    #expect(outcome.rejects.map(\.reason) == ["malformed_row"])
    #expect(outcome.rejects.first?.detail.contains("quote still open") == true)
  }

  @Test func aHundredMegabyteField() throws {
    var bytes = Self.rows(["\(Self.nips[0]),2024-01,80"])
    bytes +=
      Array("\(Self.nips[1]),2024-01,\"".utf8) + [UInt8](repeating: UInt8(ascii: "9"), count: 100 << 20)
    bytes += Array("\"\n\(Self.nips[2]),2024-01,82\n".utf8)
    let outcome = try Self.run(performance: bytes)
    Self.expectBalanced(outcome, read: 3)
    #expect(outcome.rejects.map(\.reason) == ["malformed_row"])
    #expect(outcome.rejects.first?.detail.contains("longer than 16 MiB") == true)
    #expect(
      outcome.peakKiB < 400 << 10, "memory bound: a record is cut at 16 MiB (peak \(outcome.peakKiB) KiB)")
  }

  @Test func nulBytesInvalidUTF8AndMixedDelimiters() throws {
    var bytes = Self.rows(["\(Self.nips[0]),2024-01,80"])
    bytes += Array("\(Self.nips[1]),2024-0".utf8) + [0] + Array("1,81\n".utf8)
    bytes += Array("\(Self.nips[2]),2024-01,8".utf8) + [0xC3, 0x28] + [0x0A]
    bytes += Array("\(Self.nips[0]);2024-02;83\n".utf8)
    let outcome = try Self.run(performance: bytes)
    Self.expectBalanced(outcome, read: 4)
    #expect(outcome.rejects.map(\.reason) == ["invalid_period", "invalid_encoding", "malformed_row"])
  }

  @Test func emptyHeaderOnlyAndBinaryFilesAreRefusedWithTheirReason() throws {
    let empty = try Self.run(performance: [])
    #expect(empty.status == 1 && empty.message.contains("the file is empty"))
    let headerOnly = try Self.run(performance: Array("nip,period,score\n".utf8))
    #expect(headerOnly.status == 1 && headerOnly.message.contains("no data rows"))
    let workbook = try Self.run(
      performance: [0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00] + Array("[Content_Types].xml".utf8))
    #expect(
      workbook.status == 1 && workbook.message.contains("not a CSV file: it is a ZIP archive"),
      "\(workbook.message)")
    let binary = try Self.run(performance: [0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x01, 0x00, 0x00, 0x00, 0x0A])
    #expect(binary.status == 1 && binary.message.contains("binary data"), "\(binary.message)")
  }

  @Test func wrongDelimiterOverrideAndDuplicateHeaders() throws {
    let wrong = try Self.run(
      performance: Self.rows(["\(Self.nips[0]),2024-01,80"]), options: ", delimiter: \";\"")
    #expect(wrong.status == 1)
    #expect(wrong.message.contains("missing required column 'nip'"), "\(wrong.message)")
    let duplicate = try Self.run(
      performance: Self.rows(["\(Self.nips[0]),2024-01,80,81"], header: "nip,period,score,Nilai SKP"))
    #expect(duplicate.status == 1)
    #expect(duplicate.message.contains("both map to 'score'"), "\(duplicate.message)")
  }

  @Test func tenThousandColumns() throws {
    let extra = (0..<9_997).map { "x\($0)" }.joined(separator: ",")
    let filler = [String](repeating: "", count: 9_997).joined(separator: ",")
    let outcome = try Self.run(
      performance: Self.rows(
        ["\(Self.nips[0]),2024-01,80,\(filler)", "\(Self.nips[1]),2024-01,81"],
        header: "nip,period,score,\(extra)"))
    Self.expectBalanced(outcome, read: 2)
    #expect(outcome.rejects.map(\.reason) == ["malformed_row"], "the short row has the wrong field count")
  }

  @Test func numbersDatesPeriodsAndNIPsThatLookRight() throws {
    let outcome = try Self.run(
      performance: Self.rows([
        "\(Self.nips[0]),2024-01,1e309", "\(Self.nips[0]),2024-02,NaN", "\(Self.nips[0]),2024-03,-0",
        "\(Self.nips[0]),2024-04,\"1.234,5,6\"", "\(Self.nips[0]),2024-Q5,80",
        "1980010120050110A1,2024-05,80",
        "19800101200501100,2024-06,80", "\(Self.nips[1]),2024-07,-0.5",
      ]))
    Self.expectBalanced(outcome, read: 8)
    #expect(
      outcome.rejects.map(\.reason) == [
        "invalid_number", "invalid_number", "invalid_number", "invalid_period", "invalid_nip", "invalid_nip",
        "score_out_of_range",
      ], "-0 is a valid score of 0")

    let employees = Self.employees + "198801012010011004,A1,R1,31/02/2024\n"
    let dates = try Self.run(performance: Self.rows(["\(Self.nips[0]),2024-01,80"]), employees: employees)
    #expect(dates.status == 0)
    #expect(dates.employeeRejects == ["invalid_date"], "31/02/2024 is not a date")
  }
}
