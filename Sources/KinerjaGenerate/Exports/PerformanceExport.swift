import KinerjaClean

/// Writes monthly appraisals.
enum PerformanceExport {
  static let expectations = ["Di Atas Ekspektasi", "Sesuai Ekspektasi", "Di Bawah Ekspektasi"]
  /// PermenPANRB 6/2022: rows work results, columns behaviour.
  static let matrix = [
    ["Sangat Baik", "Baik", "Kurang/Misconduct"],
    ["Baik", "Baik", "Kurang/Misconduct"],
    ["Butuh Perbaikan", "Butuh Perbaikan", "Sangat Kurang"],
  ]

  static func chunk(_ employees: Range<Int>, world: World) -> ChunkOutput {
    let options = world.options
    var buffer = RowBuffer(style: options.style, capacity: employees.count * options.months * 90)
    var output = ChunkOutput(bytes: [])
    for index in employees {
      let plan = EmployeePlan(index: index, world: world)
      let agency = world.agencies[plan.agency]
      let serviceSector = agency.sector == "perizinan" || agency.sector == "kependudukan"
      var random = StreamRandom(seed: options.seed, stream: .appraisal, index: index)
      var bad = BadRows(input: .performance, rate: options.badRowRate, seed: options.seed, index: index)
      for month in 0..<options.months {
        let score = plan.score(in: month, world: world, random: &random)
        let behaviour = random.weighted([15, 80, 5])
        let cases = random.int(0...40)
        let days = random.uniform(1...9)
        guard let score else { continue }
        let results = score >= 100 ? 0 : (score >= 75 ? 1 : 2)
        let year = options.startYear + month / 12
        let row = Row(
          nip: plan.nip, year: year, month: month % 12 + 1, form: index + month, score: score,
          rating: agency.leavesRatingEmpty ? nil : matrix[results][behaviour], results: results,
          behaviour: behaviour,
          cases: serviceSector ? cases : nil, days: serviceSector ? days : nil)
        let fault = bad.next()
        if fault == .duplicatePeriod {
          var stale = row
          stale.score = max(0, score - 7.5)
          write(stale, into: &buffer)
        }
        write(row, into: &buffer)
        output.cleanRows += 1
        if let fault, fault != .duplicatePeriod {
          var broken = row
          broken.fault = fault
          broken.losesAField = fault == .malformedRow && bad.losesAField()
          if fault == .unknownEmployee { broken.nip = NIPSpace.stranger(&bad.random) }
          write(broken, into: &buffer)
        }
      }
      output.add(bad.counts)
    }
    output.bytes = buffer.bytes
    return output
  }

  struct Row {
    var nip: UInt64
    var year: Int
    var month: Int
    var form: Int
    var score: Double
    var rating: String?
    var results: Int
    var behaviour: Int
    var cases: Int?
    var days: Double?
    var fault: RejectReason?
    var losesAField = false
  }

  private static func write(_ row: Row, into buffer: inout RowBuffer) {
    let agencyStyle = buffer.style == .agency
    switch row.fault {
    case .invalidNIP?: buffer.text("12345678901234567X")
    default: buffer.nip(row.nip)
    }
    switch row.fault {
    case .missingRequired?: buffer.empty()
    case .invalidPeriod?: buffer.text(agencyStyle ? "13/\(row.year)" : "\(row.year)-13")
    case .periodCoarserThanGrain?: buffer.text("\(row.year)")
    default: buffer.month(year: row.year, month: row.month, form: row.form)
    }
    switch row.fault {
    case .invalidNumber?: buffer.text("delapan puluh")
    case .scoreOutOfRange?: buffer.decimal(120.5 + row.score / 10, digits: 2)
    case .malformedRow? where !row.losesAField: buffer.raw(Array((agencyStyle ? "88,5\"0" : "88.5\"0").utf8))
    default: buffer.decimal(row.score, digits: 2)
    }
    switch row.fault {
    case .unknownValue?: buffer.text("Luar Biasa")
    case .invalidEncoding?: buffer.raw(Array("Baik".utf8) + [0xFF])
    default: if let rating = row.rating { buffer.text(rating) } else { buffer.empty() }
    }
    buffer.text(expectations[row.results])
    buffer.text(expectations[row.behaviour])
    if let cases = row.cases { buffer.integer(cases) } else { buffer.empty() }
    if !row.losesAField {
      if let days = row.days { buffer.decimal(days, digits: 1) } else { buffer.empty() }
    }
    buffer.endRow()
  }
}
