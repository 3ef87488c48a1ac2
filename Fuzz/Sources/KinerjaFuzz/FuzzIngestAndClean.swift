import Foundation
import KinerjaClean
import KinerjaIngest

/// Hands the command line to libFuzzer's driver, which calls `fuzzIngestAndClean` per input.
@main
enum KinerjaFuzz {
  static func main() {
    var argc = CommandLine.argc
    var argv = CommandLine.unsafeArgv
    exit(LLVMFuzzerRunDriver(&argc, &argv, fuzzIngestAndClean))
  }
}

@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
  _ argc: UnsafeMutablePointer<Int32>,
  _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
  _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32
) -> Int32

/// One fuzz input: the bytes as each of the five exports.
///
/// As a performance export and as an employee master, it is read and cleaned twice — in
/// one piece on one thread, and in 7-byte chunks on three threads — and must give the same
/// counts and rejects. As the other three it is cleaned once. Every row read must be
/// accepted or rejected. Errors that name the file (empty, header only, missing column,
/// not CSV) are fine; a crash, a hang, a broken invariant or a disagreement is a finding.
/// Then a stray quote is put into one of its lines: exactly that line may be lost.
@_cdecl("LLVMFuzzerTestOneInput")
func fuzzIngestAndClean(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
  let path = FuzzFiles.shared.input
  let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
  FileManager.default.createFile(atPath: path, contents: Data(bytes))
  checkStrayQuote(bytes, path: path)
  FileManager.default.createFile(atPath: path, contents: Data(bytes))
  check(.performance, path: path)
  check(.employees, path: path)
  for kind in [InputKind.training, .serviceFeedback, .trainingFeedback] { checkOnce(kind, path: path) }
  return 0
}

/// The fixed roster appraisals are checked against, and the file each input is written to.
final class FuzzFiles: Sendable {
  static let shared = FuzzFiles()

  let input: String
  let roster: EmployeeRoster

  private init() {
    let folder = NSTemporaryDirectory() + "kinerja-fuzz-\(getpid())"
    try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    input = folder + "/input.csv"
    let employees = folder + "/employees.csv"
    FileManager.default.createFile(
      atPath: employees,
      contents: Data("nip,agency_code,region\n198001012005011001,A1,R1\n198502022010012002,A2,R1\n".utf8))
    var rejects = FuzzRejects()
    roster = try! EmployeeCleaner().clean(InputReader(kind: .employees, path: employees), rejects: &rejects)
      .table
  }
}

/// Keeps each rejection as text, for comparing two passes.
struct FuzzRejects: RejectRecorder {
  var rows: [String] = []

  mutating func reject(_ record: CSVRecord, of input: InputReader, because rejection: Rejection) throws {
    rows.append("\(record.line) \(record.offset) \(rejection.reason.rawValue) \(record.fieldTexts)")
  }
}

private func check(_ kind: InputKind, path: String) {
  guard let reader = try? InputReader(kind: kind, path: path) else { return }
  func clean(chunkSize: Int, threads: Int) -> (InputTally, [String])? {
    var rejects = FuzzRejects()
    do {
      switch kind {
      case .performance:
        let result = try PerformanceCleaner(grain: .month, chunkSize: chunkSize).clean(
          reader, roster: FuzzFiles.shared.roster, threads: threads, rejects: &rejects)
        return (result.tally, rejects.rows)
      default:
        let result = try EmployeeCleaner(chunkSize: chunkSize).clean(
          reader, threads: threads, rejects: &rejects)
        return (result.tally, rejects.rows)
      }
    } catch let error as IngestError {
      precondition(error.description.contains(path), "an ingest error names the file: \(error)")
      return nil
    } catch {
      fatalError("unexpected error: \(error)")
    }
  }
  let whole = clean(chunkSize: 1 << 30, threads: 1)
  let chunked = clean(chunkSize: 7, threads: 3)
  precondition((whole == nil) == (chunked == nil), "one pass failed and the other did not")
  guard let whole, let chunked else { return }
  precondition(whole.0.rowsRead == whole.0.accepted + whole.0.rejected, "rows read = accepted + rejected")
  precondition(whole.1.count == whole.0.rejected, "every rejected row is recorded")
  precondition(whole.0 == chunked.0, "chunked counts differ: \(whole.0) vs \(chunked.0)")
  precondition(whole.1 == chunked.1, "chunked rejects differ")
}

/// Cleans the input as a training history, survey or course evaluation export, which are
/// read in one piece, and checks that every row read was accepted or rejected.
private func checkOnce(_ kind: InputKind, path: String) {
  guard let reader = try? InputReader(kind: kind, path: path) else { return }
  var rejects = FuzzRejects()
  let tally: InputTally
  do {
    switch kind {
    case .training:
      tally = try TrainingCleaner().clean(reader, roster: FuzzFiles.shared.roster, rejects: &rejects).tally
    case .serviceFeedback:
      tally = try ServiceFeedbackCleaner(grain: .month).clean(reader, rejects: &rejects).tally
    default:
      tally = try TrainingFeedbackCleaner().clean(
        reader, roster: FuzzFiles.shared.roster, participations: nil, rejects: &rejects
      ).tally
    }
  } catch let error as IngestError {
    precondition(error.description.contains(path), "an ingest error names the file: \(error)")
    return
  } catch {
    fatalError("unexpected error: \(error)")
  }
  precondition(tally.rowsRead == tally.accepted + tally.rejected, "rows read = accepted + rejected")
  precondition(rejects.rows.count == tally.rejected, "every rejected row is recorded")
}

/// A data row as the reader delivers it.
private struct FuzzRow: Equatable {
  var line: Int
  var offset: Int64
  var malformed: Bool
  var fields: [String]
}

private func rows(_ path: String) -> [FuzzRow]? {
  guard let reader = try? InputReader(kind: .performance, path: path) else { return nil }
  var rows: [FuzzRow] = []
  do {
    try reader.forEachRow { record in
      rows.append(
        FuzzRow(
          line: record.line, offset: record.offset, malformed: record.malformation != nil,
          fields: record.fieldTexts))
    }
  } catch {
    return nil
  }
  return rows
}

/// Puts a `"` at the start of a field that cannot hold a line break, on a line of its own
/// row that has no quote or lone CR, and checks that the file then reads as before but for
/// that line, which becomes one malformed row: a stray quote never swallows other rows.
private func checkStrayQuote(_ bytes: [UInt8], path: String) {
  guard let baseline = rows(path), let reader = try? InputReader(kind: .performance, path: path) else {
    return
  }
  let delimiter = reader.dialect.delimiter
  let shape = reader.mapping.recordShape
  var lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false).map { Array($0) }
  let starts = Set(baseline.filter { row in !row.fields.contains { $0.utf8.contains(0x0A) } }.map(\.line))
  let candidates = (2...max(2, lines.count)).filter { line in
    line <= lines.count && starts.contains(line)
      && !lines[line - 1].contains(UInt8(ascii: "\"")) && !lines[line - 1].dropLast().contains(0x0D)
  }
  guard !candidates.isEmpty else { return }
  let line = candidates[bytes.count % candidates.count]
  let fieldStarts = [0] + lines[line - 1].indices.filter { lines[line - 1][$0] == delimiter }.map { $0 + 1 }
  let typed = fieldStarts.indices.filter { $0 < shape.fields && !shape.lineBreaks[$0] }
  guard !typed.isEmpty else { return }
  let field = typed[(bytes.count / 7) % typed.count]
  lines[line - 1].insert(UInt8(ascii: "\""), at: fieldStarts[field])
  FileManager.default.createFile(atPath: path, contents: Data(lines.joined(separator: [0x0A])))
  guard let damaged = rows(path) else { fatalError("a stray quote on line \(line) made the file unreadable") }
  let expected = baseline.filter { $0.line != line }.map { row -> FuzzRow in
    var row = row
    if row.line > line { row.offset += 1 }
    return row
  }
  let lost = damaged.filter { $0.line == line }
  precondition(lost.count == 1 && lost[0].malformed, "the stray quote's line is one malformed row: \(lost)")
  precondition(
    damaged.filter { $0.line != line } == expected, "a stray quote on line \(line) changed other rows")
}
