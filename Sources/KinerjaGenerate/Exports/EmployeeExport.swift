import KinerjaClean

/// Writes rows of the employee master.
enum EmployeeExport {
  static func chunk(_ employees: Range<Int>, world: World) -> ChunkOutput {
    let style = world.options.style
    var buffer = RowBuffer(style: style)
    var output = ChunkOutput(bytes: [])
    for index in employees {
      let plan = EmployeePlan(index: index, world: world)
      var bad = BadRows(
        input: .employees, rate: world.options.badRowRate, seed: world.options.seed, index: index)
      let fault = bad.next()
      if fault == .duplicateEmployee {
        // An older record of the same employee, which the later row replaces.
        write(plan, world: world, into: &buffer, staleUnit: true)
      }
      write(plan, world: world, into: &buffer)
      output.cleanRows += 1
      if let fault, fault != .duplicateEmployee {
        writeBad(fault, plan: plan, world: world, bad: &bad, into: &buffer)
      }
      output.add(bad.counts)
    }
    output.bytes = buffer.bytes
    return output
  }

  private static func write(
    _ plan: EmployeePlan, world: World, into buffer: inout RowBuffer, staleUnit: Bool = false
  ) {
    let agency = world.agencies[plan.agency]
    let agencyStyle = buffer.style == .agency
    buffer.nip(plan.nip, spaced: agencyStyle && plan.index % 7 == 3)
    buffer.text(plan.name)
    buffer.text(agency.code)
    buffer.text(agency.name)
    buffer.text(staleUnit ? "Unit Lama" : agency.units[plan.unit])
    buffer.text(agency.region)
    buffer.text(agencyStyle && plan.index % 5 == 0 ? Words.titled(agency.sector) : agency.sector)
    let spellings = Words.gradeSpellings[plan.grade] ?? [Words.grades[plan.grade]]
    buffer.text(agencyStyle ? spellings[plan.index % spellings.count] : Words.grades[plan.grade])
    buffer.text(Words.positionTypes[plan.positionType])
    if plan.index % 4 == 0 { buffer.empty() } else { buffer.date(plan.birth, form: plan.index) }
    if plan.index % 6 == 1 { buffer.empty() } else { buffer.text(plan.gender == 1 ? "L" : "P") }
    if agencyStyle { buffer.text(plan.index % 5 == 2 ? "PPPK" : "PNS") }
    buffer.endRow()
  }

  private static func writeBad(
    _ fault: RejectReason, plan: EmployeePlan, world: World, bad: inout BadRows, into buffer: inout RowBuffer
  ) {
    let agency = world.agencies[plan.agency]
    let stranger = NIPSpace.stranger(&bad.random)
    let losesAField = fault == .malformedRow && bad.losesAField()
    if fault == .invalidNIP { buffer.text("1980010120050110") } else { buffer.nip(stranger) }
    buffer.raw(
      fault == .malformedRow && !losesAField ? Array("Nama \"Salah\" Kutip".utf8) : Array("Data Uji".utf8))
    buffer.text(agency.code)
    buffer.text(agency.name)
    buffer.raw(fault == .invalidEncoding ? [0x55, 0x6E, 0xFF, 0x74] : Array("Sekretariat".utf8))
    if fault == .missingRequired { buffer.empty() } else { buffer.text(agency.region) }
    buffer.text(agency.sector)
    buffer.text(fault == .unknownValue ? "V/z" : "III/a")
    buffer.text("pelaksana")
    if fault == .invalidDate {
      buffer.text(buffer.style == .agency ? "31/02/1980" : "1980-02-31")
    } else {
      buffer.empty()
    }
    // The last field of the row is the one a malformed row loses.
    if !(losesAField && buffer.style == .canonical) { buffer.text("L") }
    if buffer.style == .agency && !losesAField { buffer.text("PNS") }
    buffer.endRow()
  }
}
