import KinerjaIngest

/// How exports are written: as a real agency does, or in the contract's canonical form.
package enum ExportStyle: String, Sendable, CaseIterable, Codable {
  /// Indonesian headers, `;`, decimal comma, mixed day-first dates, BOM and CRLF.
  case agency
  /// Canonical headers, `,`, `.` decimals and ISO dates.
  case canonical
}

/// What `kinerja generate` is asked for.
package struct GeneratorOptions: Sendable {
  /// Employees in the master.
  package var employees: Int
  /// Months of appraisals, from January of `startYear`.
  package var months: Int
  /// The seed every random stream derives from.
  package var seed: UInt64
  /// How the files are written.
  package var style: ExportStyle
  /// Expected bad rows per clean row, in every input.
  package var badRowRate: Double
  /// The first year of appraisals.
  package var startYear: Int
  /// Worker threads; the files are the same for any count.
  package var threads: Int
  /// Shapes of real exports planted on top of the baseline world.
  package var shapes: PlantedShapes

  package init(
    employees: Int, months: Int, seed: UInt64, style: ExportStyle = .agency, badRowRate: Double = 0,
    startYear: Int = 2023, threads: Int = 2, shapes: PlantedShapes = .baseline
  ) {
    self.employees = employees
    self.months = months
    self.seed = seed
    self.style = style
    self.badRowRate = badRowRate
    self.startYear = startYear
    self.threads = threads
    self.shapes = shapes
  }

  /// The month `index` (0-based) of the appraisal window.
  func period(ofMonth index: Int) -> Period { .month(index % 12 + 1, of: startYear + index / 12) }

  /// The 0-based index of `period` in the appraisal window, when it lies in it.
  func monthIndex(of period: Period) -> Int? {
    guard period.grain == .month else { return nil }
    let index = Int(period.index) - Int(Period.month(1, of: startYear).index)
    return (0..<months).contains(index) ? index : nil
  }

  /// The largest master the NIP scheme can number uniquely.
  package static let maximumEmployees = NIPSpace.size
}
