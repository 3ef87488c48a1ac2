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
    /// Peak resident memory of the run in KiB, as the wrapper reported it.
    var peakKiB: Int?
    /// Reject reasons of the employee master's rows.
    var employeeRejects: [String] = []
    /// `rejects/performance.csv` and `.json` as written.
    var rejectsCSV: String?
    var rejectsJSON: String?
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
        + "print('peak_kib', resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss); sys.exit(status)",
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
    let peakLine = peak.split(separator: "\n").last { $0.hasPrefix("peak_kib ") }
    var outcome = Outcome(
      status: process.terminationStatus, message: message, rejects: [],
      peakKiB: peakLine.flatMap { Int($0.dropFirst("peak_kib ".count)) })
    outcome.rejectsCSV = directory.read("out/rejects/performance.csv")
    outcome.rejectsJSON = directory.read("out/rejects/performance.json")
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
    #expect(outcome.rejects.first?.detail.contains("runs over the line end") == true)
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
    let peak = try #require(outcome.peakKiB, "the memory wrapper reported the run's peak")
    #expect(peak > 16 << 10, "the peak is kinerja's: it holds a 16 MiB record (peak \(peak) KiB)")
    #expect(peak < 400 << 10, "memory bound: a record is cut at 16 MiB (peak \(peak) KiB)")
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

  /// A header that cannot be read — an unclosed quote, invalid UTF-8 — is a data problem:
  /// exit 1, with the file, the line and why.
  @Test func unreadableHeaderIsExit1() throws {
    let quote = try Self.run(performance: Array("nip,\"period,score\n\(Self.nips[0]),2024-01,80\n".utf8))
    #expect(quote.status == 1, "\(quote.message)")
    #expect(
      quote.message.contains("performance.csv: line 1: header cannot be read: unbalanced quotes"),
      "\(quote.message)")
    let encoding = try Self.run(
      performance: Array("nip,period,sc".utf8) + [0xC3, 0x28] + Array("re\n\(Self.nips[0]),2024-01,80\n".utf8))
    #expect(encoding.status == 1, "\(encoding.message)")
    #expect(
      encoding.message.contains("performance.csv: line 1: header cannot be read: column 3 is not valid UTF-8"),
      "\(encoding.message)")
  }

  /// The rejects file of a small bad export, row by row: rows in file order with their
  /// line, reason, column and detail, then the raw values of the canonical columns the
  /// export has, in its header's order (not the unknown `Catatan`); a row libcsv could not
  /// split keeps only its place; the earlier rows of duplicates come last, by line; text
  /// that could start a formula (`=`, `+`, `-`, `@`, TAB, CR) has a leading `'` in CSV
  /// and is as read in JSON.
  @Test func rejectsListEachBadRowWithItsRawValuesInOrder() throws {
    let (n0, n1, n2) = (Self.nips[0], Self.nips[1], Self.nips[2])
    let outcome = try Self.run(
      performance: Self.rows(
        [
          "Baik,\(n0),ok,2024-01,80",  // 2: replaced by line 17
          "Baik,\(n1),,2024-13,81",  // 3
          "Baik,199912312020121999,,2024-01,70",  // 4: a valid NIP not in the master
          "Baik,\(n2),,2024-01,=1+2",  // 5
          "\"Sangat Baik\",\(n0),\"catatan, dengan koma\",2024-02,85",  // 6: replaced by line 9
          "Baik,\(n1),,2024-01,\"abc, def\"",  // 7
          "Baik,\(n2),,2024-02,82,extra",  // 8
          "Baik,\(n0),,2024-02,90",  // 9
          "Baik,\(n1),,2024-02,-5",  // 10
          "=Luar Biasa,\(n2),,2024-03,70",  // 11
          "+Luar Biasa,\(n2),,2024-04,70",  // 12
          "-Luar Biasa,\(n2),,2024-05,70",  // 13
          "@Luar Biasa,\(n2),,2024-06,70",  // 14
          "\"\tLuar Biasa\",\(n2),,2024-07,70",  // 15: quoted, or libcsv trims the TAB
          "\"\rLuar Biasa\",\(n2),,2024-08,70",  // 16
          "Baik,\(n0),,2024-01,88",  // 17
          ",\(n1),,2024-04,",  // 18
        ], header: "Predikat,NIP,Catatan,Periode,Nilai SKP"))
    Self.expectBalanced(outcome, read: 17)
    let file = "performance.csv"
    let expected = [
      "file,line,reason,column,detail,rating,nip,period,score",
      "\(file),3,invalid_period,period,,Baik,\(n1),2024-13,81",
      "\(file),4,unknown_employee,nip,,Baik,199912312020121999,2024-01,70",
      "\(file),5,invalid_number,score,,Baik,\(n2),2024-01,'=1+2",
      "\(file),7,invalid_number,score,,Baik,\(n1),2024-01,\"abc, def\"",
      "\(file),8,malformed_row,,\"expected 5 fields, found 6\",,,,",
      "\(file),10,score_out_of_range,score,,Baik,\(n1),2024-02,-5",
      "\(file),11,unknown_value,rating,,'=Luar Biasa,\(n2),2024-03,70",
      "\(file),12,unknown_value,rating,,'+Luar Biasa,\(n2),2024-04,70",
      "\(file),13,unknown_value,rating,,'-Luar Biasa,\(n2),2024-05,70",
      "\(file),14,unknown_value,rating,,'@Luar Biasa,\(n2),2024-06,70",
      "\(file),15,unknown_value,rating,,'\tLuar Biasa,\(n2),2024-07,70",
      "\(file),16,unknown_value,rating,,\"'\rLuar Biasa\",\(n2),2024-08,70",
      "\(file),18,missing_required,score,,,\(n1),2024-04,",
      "\(file),2,duplicate_period,period,a later row replaces it,Baik,\(n0),2024-01,80",
      "\(file),6,duplicate_period,period,a later row replaces it,Sangat Baik,\(n0),2024-02,85",
    ]
    let csv = try #require(outcome.rejectsCSV)
    #expect(csv.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) == expected + [""])
    #expect(!csv.contains("catatan"), "an unknown column's values are not copied")

    let jsonText = try #require(outcome.rejectsJSON)
    let json = try #require(try JSONSerialization.jsonObject(with: Data(jsonText.utf8)) as? [String: Any])
    let rows = try #require(json["rows"] as? [[String: Any]])
    #expect(rows.map { $0["line"] as? Int } == [3, 4, 5, 7, 8, 10, 11, 12, 13, 14, 15, 16, 18, 2, 6])
    #expect(rows[2]["score"] as? String == "=1+2", "JSON holds the value as read")
    #expect(rows[11]["rating"] as? String == "\rLuar Biasa")
    #expect(rows[4]["nip"] is NSNull, "a malformed row keeps only its place")
  }
}
