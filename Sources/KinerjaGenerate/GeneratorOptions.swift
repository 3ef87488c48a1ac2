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

  package init(
    employees: Int, months: Int, seed: UInt64, style: ExportStyle = .agency, badRowRate: Double = 0,
    startYear: Int = 2023, threads: Int = 2
  ) {
    self.employees = employees
    self.months = months
    self.seed = seed
    self.style = style
    self.badRowRate = badRowRate
    self.startYear = startYear
    self.threads = threads
  }

  /// The largest master the NIP scheme can number uniquely.
  package static let maximumEmployees = NIPSpace.size
}
