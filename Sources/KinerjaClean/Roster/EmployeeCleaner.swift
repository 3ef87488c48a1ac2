public import KinerjaIngest

/// Cleans the employee master into an `EmployeeRoster`.
///
/// A NIP that appears twice: the later row wins and the earlier is rejected as
/// `duplicate_employee`. Birth date and gender come from the NIP when the export lacks them.
public struct EmployeeCleaner {
  /// Bytes per chunk when the file is read on several threads.
  package var chunkSize: Int

  public init(chunkSize: Int = 8 << 20) { self.chunkSize = chunkSize }

  /// Reads every row of `input`, sending rejects to `rejects`.
  ///
  /// Chunks of the file are cleaned on `threads` threads at once; labels are interned in
  /// file order when the chunks are merged, so the roster does not depend on their number.
  public func clean(
    _ input: InputReader, threads: Int = 1, rejects: inout some RejectRecorder,
    progress: ((Int64) -> Void)? = nil
  ) throws -> CleanedInput<EmployeeRoster> {
    let nip = ColumnReader("nip", of: input)
    let agencyCode = ColumnReader("agency_code", of: input)
    let agencyName = ColumnReader("agency_name", of: input)
    let unit = ColumnReader("unit", of: input)
    let region = ColumnReader("region", of: input)
    let sector = ColumnReader("sector", of: input)
    let grade = ColumnReader("grade", of: input)
    let positionType = ColumnReader("position_type", of: input)
    let birthDate = ColumnReader("birth_date", of: input)
    let gender = ColumnReader("gender", of: input)

    var roster = EmployeeRoster()
    var merger = EmployeeMerger()

    let pass = CleaningPass(input: input, progress: progress)
    var (tally, fingerprint, chunks) = try pass.run(
      threads: threads, chunkSize: chunkSize, rejects: &rejects, makeAccepted: { EmployeeBatch() },
      accept: { record, batch throws(Rejection) in
        let id = try nip.converted(record, required: true, else: .invalidNIP) { NIP($0) }!
        let agency = try agencyCode.required(record)
        let regionField = try region.required(record)
        let gradeValue = try grade.converted(record, else: .unknownValue) { Grade($0) }
        let position = try positionType.converted(record, else: .unknownValue) {
          PositionType.vocabulary.value(of: $0)
        }
        let born = try birthDate.converted(record, else: .invalidDate) { $0.date() } ?? id.birthDate!
        let sex =
          try gender.converted(record, else: .unknownValue) { Gender.vocabulary.value(of: $0) }
          ?? (id.genderDigit == 1 ? .male : .female)

        batch.nips.append(id)
        batch.agency.append(batch.agencies.intern(agency))
        batch.agencyName.append(agencyName.optional(record).map { batch.names.intern($0) } ?? -1)
        batch.region.append(batch.regions.intern(regionField))
        batch.unit.append(unit.optional(record).map { batch.units.intern($0) } ?? -1)
        batch.sector.append(sector.optional(record).map { batch.internSector($0) } ?? -1)
        batch.grade.append(gradeValue)
        batch.positionType.append(position)
        batch.gender.append(sex)
        batch.birthDate.append(born)
        batch.lines.append(UInt32(truncatingIfNeeded: record.line))
      },
      merge: { batch, lineShift in merger.merge(batch, lineShift: lineShift, into: &roster) })
    roster.agencyNames = merger.nameOfAgency.map { $0 < 0 ? "" : merger.names[$0] }
    try pass.rejectReplaced(
      lines: merger.duplicates, reason: .duplicateEmployee, column: "nip", chunks: chunks, threads: threads,
      tally: &tally, rejects: &rejects)
    return CleanedInput(table: roster, tally: tally, fingerprint: fingerprint)
  }
}

/// Employees accepted from one chunk of the master, in file order, with labels interned
/// in the chunk's own tables and lines counted from the chunk's start.
struct EmployeeBatch: Sendable {
  var agencies = LabelTable()
  var names = LabelTable()
  var regions = LabelTable()
  var units = LabelTable()
  var sectors = LabelTable()
  private var sectorScratch: [UInt8] = []

  var nips: [NIP] = []
  var agency: [Int32] = []
  var agencyName: [Int32] = []
  var region: [Int32] = []
  var unit: [Int32] = []
  var sector: [Int32] = []
  var grade: [Grade?] = []
  var positionType: [PositionType?] = []
  var gender: [Gender] = []
  var birthDate: [CalendarDate] = []
  var lines: [UInt32] = []

  /// Sectors are compared in lower case.
  mutating func internSector(_ field: Field) -> Int32 {
    sectorScratch.removeAll(keepingCapacity: true)
    for byte in field.trimmed.bytes { sectorScratch.append(Field.lowercased(byte)) }
    return sectorScratch.withUnsafeBytes { sectors.intern(Field($0)) }
  }
}

/// Adds chunks of employees to the roster in file order: labels get their roster ids
/// in order of first appearance, and a NIP seen again replaces the earlier row.
struct EmployeeMerger {
  /// Agency names as label ids while reading; made into strings once, at the end.
  var names = LabelTable()
  var nameOfAgency: [Int32] = []
  /// Lines of rows replaced by a later row with the same NIP.
  var duplicates: [Int] = []
  /// The line each employee's current row came from.
  private var sources: [UInt32] = []

  mutating func merge(_ batch: EmployeeBatch, lineShift: Int, into roster: inout EmployeeRoster) {
    var agencies = LabelMap(batch.agencies)
    var names = LabelMap(batch.names)
    var regions = LabelMap(batch.regions)
    var units = LabelMap(batch.units)
    var sectors = LabelMap(batch.sectors)
    for row in 0..<batch.nips.count {
      let agencyID = agencies.id(batch.agency[row], in: &roster.agencies)
      if Int(agencyID) == nameOfAgency.count { nameOfAgency.append(-1) }
      if batch.agencyName[row] >= 0 {
        nameOfAgency[Int(agencyID)] = names.id(batch.agencyName[row], in: &self.names)
      }
      let regionID = regions.id(batch.region[row], in: &roster.regions)
      let unitID = units.id(batch.unit[row], in: &roster.units)
      let sectorID = sectors.id(batch.sector[row], in: &roster.sectors)
      let line = UInt32(truncatingIfNeeded: Int(batch.lines[row]) + lineShift)
      let nip = batch.nips[row]

      if let existing = roster.indexByNIP[nip] {
        let index = Int(existing)
        duplicates.append(Int(sources[index]))
        sources[index] = line
        roster.agency[index] = agencyID
        roster.region[index] = regionID
        roster.unit[index] = unitID
        roster.sector[index] = sectorID
        roster.grade[index] = batch.grade[row]
        roster.positionType[index] = batch.positionType[row]
        roster.gender[index] = batch.gender[row]
        roster.birthDate[index] = batch.birthDate[row]
      } else {
        roster.indexByNIP.set(nip, to: Int32(roster.count))
        sources.append(line)
        roster.nips.append(nip)
        roster.agency.append(agencyID)
        roster.region.append(regionID)
        roster.unit.append(unitID)
        roster.sector.append(sectorID)
        roster.grade.append(batch.grade[row])
        roster.positionType.append(batch.positionType[row])
        roster.gender.append(batch.gender[row])
        roster.birthDate.append(batch.birthDate[row])
      }
    }
  }
}

/// A chunk's label ids mapped to the roster's, looked up once per label per chunk.
private struct LabelMap {
  let chunk: LabelTable
  var ids: [Int32]

  init(_ chunk: LabelTable) {
    self.chunk = chunk
    ids = [Int32](repeating: -1, count: chunk.count)
  }

  /// The roster id of chunk label `id` (-1 stays -1, "absent").
  mutating func id(_ id: Int32, in table: inout LabelTable) -> Int32 {
    guard id >= 0 else { return -1 }
    if ids[Int(id)] < 0 { ids[Int(id)] = table.intern(id, of: chunk) }
    return ids[Int(id)]
  }
}
