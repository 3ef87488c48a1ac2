public import KinerjaIngest

/// Cleans the employee master into an `EmployeeRoster`.
///
/// A NIP that appears twice: the later row wins and the earlier is rejected as
/// `duplicate_employee`. Birth date and gender come from the NIP when the export lacks them.
public struct EmployeeCleaner {
  public init() {}

  /// Reads every row of `input`, sending rejects to `rejects`.
  public func clean(
    _ input: InputReader, rejects: inout some RejectRecorder, progress: ((Int64) -> Void)? = nil
  ) throws -> (roster: EmployeeRoster, tally: InputTally, fingerprint: InputFingerprint) {
    let mapping = input.mapping
    let nip = ColumnReader("nip", in: mapping)
    let agencyCode = ColumnReader("agency_code", in: mapping)
    let agencyName = ColumnReader("agency_name", in: mapping)
    let unit = ColumnReader("unit", in: mapping)
    let region = ColumnReader("region", in: mapping)
    let sector = ColumnReader("sector", in: mapping)
    let grade = ColumnReader("grade", in: mapping)
    let positionType = ColumnReader("position_type", in: mapping)
    let birthDate = ColumnReader("birth_date", in: mapping)
    let gender = ColumnReader("gender", in: mapping)

    var roster = EmployeeRoster()
    var sources: [UInt32] = []
    var duplicates: [Int] = []
    var sectorScratch: [UInt8] = []
    // Agency names as label ids while reading; made into strings once, at the end.
    var names = LabelTable()
    var nameOfAgency: [Int32] = []

    let pass = CleaningPass(input: input, progress: progress)
    var (tally, fingerprint) = try pass.run(rejects: &rejects) { record throws(Rejection) in
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

      let agencyID = roster.agencies.intern(agency)
      if Int(agencyID) == nameOfAgency.count { nameOfAgency.append(-1) }
      if let name = agencyName.optional(record) { nameOfAgency[Int(agencyID)] = names.intern(name) }
      let regionID = roster.regions.intern(regionField)
      let unitID = unit.optional(record).map { roster.units.intern($0) } ?? -1
      let sectorID =
        sector.optional(record).map { field -> Int32 in
          sectorScratch.removeAll(keepingCapacity: true)
          for byte in field.trimmed.bytes { sectorScratch.append(Field.lowercased(byte)) }
          return sectorScratch.withUnsafeBytes { roster.sectors.intern(Field($0)) }
        } ?? -1

      if let existing = roster.indexByNIP[id.rawValue] {
        let index = Int(existing)
        duplicates.append(Int(sources[index]))
        sources[index] = UInt32(truncatingIfNeeded: record.line)
        roster.agency[index] = agencyID
        roster.region[index] = regionID
        roster.unit[index] = unitID
        roster.sector[index] = sectorID
        roster.grade[index] = gradeValue
        roster.positionType[index] = position
        roster.gender[index] = sex
        roster.birthDate[index] = born
      } else {
        roster.indexByNIP[id.rawValue] = Int32(roster.count)
        sources.append(UInt32(truncatingIfNeeded: record.line))
        roster.nips.append(id)
        roster.agency.append(agencyID)
        roster.region.append(regionID)
        roster.unit.append(unitID)
        roster.sector.append(sectorID)
        roster.grade.append(gradeValue)
        roster.positionType.append(position)
        roster.gender.append(sex)
        roster.birthDate.append(born)
      }
    }
    roster.agencyNames = nameOfAgency.map { $0 < 0 ? "" : names[$0] }
    try pass.rejectReplaced(
      lines: duplicates, reason: .duplicateEmployee, column: "nip", tally: &tally, rejects: &rejects)
    return (roster, tally, fingerprint)
  }
}
