import KinerjaClean

/// Writes the training history: one row per participation.
enum TrainingExport {
  static let agencyStatuses = [["Lulus", "selesai"], ["Tidak Lulus", "gugur"], ["Berjalan"]]
  static let canonicalStatuses = ["completed", "dropped", "ongoing"]

  static func chunk(_ employees: Range<Int>, world: World) -> ChunkOutput {
    let options = world.options
    var buffer = RowBuffer(style: options.style)
    var output = ChunkOutput(bytes: [])
    for index in employees {
      let plan = EmployeePlan(index: index, world: world)
      guard let participation = plan.participation else { continue }
      var bad = BadRows(input: .training, rate: options.badRowRate, seed: options.seed, index: index)
      write(plan.nip, participation, form: index, fault: nil, into: &buffer)
      output.cleanRows += 1
      if let fault = bad.next() {
        let nip = fault == .unknownEmployee ? NIPSpace.stranger(&bad.random) : plan.nip
        write(
          nip, participation, form: index, fault: fault,
          losesAField: fault == .malformedRow && bad.losesAField(), into: &buffer)
      }
      output.add(bad.counts)
    }
    output.bytes = buffer.bytes
    return output
  }

  private static func write(
    _ nip: UInt64, _ participation: EmployeePlan.Participation, form: Int, fault: RejectReason?,
    losesAField: Bool = false, into buffer: inout RowBuffer
  ) {
    let agencyStyle = buffer.style == .agency
    let programme = participation.programme
    let profile = MethodProfile.all[programme.method]
    if fault == .invalidNIP { buffer.text("19800101-2005") } else { buffer.nip(nip) }
    if fault == .missingRequired { buffer.empty() } else { buffer.text(programme.id) }
    buffer.text(programme.name)
    if fault == .unknownValue {
      buffer.text("webinar")
    } else {
      let spellings = MethodProfile.agencySpellings[programme.method]
      buffer.text(agencyStyle ? spellings[form % spellings.count] : profile.method)
    }
    buffer.text(Words.topics[programme.topic])
    buffer.text(Words.providers[programme.provider])
    if fault == .invalidDate {
      buffer.text(agencyStyle ? "31/02/\(programme.dates.end.0)" : "\(programme.dates.end.0)-02-31")
    } else {
      buffer.date(programme.dates.start, form: form)
    }
    if fault == .invalidDates {
      let (year, month, day) = programme.dates.start
      buffer.date(
        month == 1 && day == 1
          ? (year - 1, 12, 31) : (day == 1 ? (year, month - 1, 28) : (year, month, day - 1)), form: form + 1)
    } else {
      buffer.date(programme.dates.end, form: form + 1)
    }
    buffer.integer(programme.hours)
    if fault == .invalidNumber {
      buffer.text(agencyStyle ? "Rp lima juta" : "lima juta")
    } else {
      buffer.money(programme.cost)
    }
    if agencyStyle {
      let spellings = agencyStatuses[participation.status]
      buffer.text(spellings[form % spellings.count])
    } else {
      buffer.text(canonicalStatuses[participation.status])
    }
    if fault == .valueOutOfRange {
      buffer.integer(150)
    } else {
      buffer.decimal(participation.preTest, digits: 1)
    }
    if fault == .malformedRow && !losesAField {
      buffer.raw(Array("7\"5".utf8))
    } else if !losesAField {
      buffer.decimal(participation.postTest, digits: 1)
    }
    buffer.endRow()
  }
}
