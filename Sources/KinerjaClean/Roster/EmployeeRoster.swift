public import KinerjaIngest

/// The cleaned employee master, stored by column; an employee is an `Int32` index.
///
/// Text attributes are ids into label tables (−1 when absent), so grouping by agency,
/// region, unit or sector compares integers.
public struct EmployeeRoster: Sendable {
  /// Each employee's NIP.
  public internal(set) var nips: [NIP] = []
  /// Agency code ids into `agencies`.
  public internal(set) var agency: [Int32] = []
  /// Region ids into `regions`.
  public internal(set) var region: [Int32] = []
  /// Work-unit ids into `units` (−1 when absent); unit names repeat across agencies.
  public internal(set) var unit: [Int32] = []
  /// Sector ids into `sectors` (−1 when absent), lowercased.
  public internal(set) var sector: [Int32] = []
  /// Grades (`nil` when absent).
  public internal(set) var grade: [Grade?] = []
  /// Position types (`nil` when absent).
  public internal(set) var positionType: [PositionType?] = []
  /// Genders, from the export or else from the NIP.
  public internal(set) var gender: [Gender] = []
  /// Birth dates, from the export or else from the NIP.
  public internal(set) var birthDate: [CalendarDate] = []

  /// Agency codes.
  public internal(set) var agencies = LabelTable()
  /// Agency names by agency id (the last non-empty name seen; empty when none).
  public internal(set) var agencyNames: [String] = []
  /// Regions.
  public internal(set) var regions = LabelTable()
  /// Work units.
  public internal(set) var units = LabelTable()
  /// Sectors.
  public internal(set) var sectors = LabelTable()

  var indexByNIP = NIPIndex()

  public init() {}

  /// The number of employees.
  public var count: Int { nips.count }

  /// The index of the employee with `nip`, if the master has one.
  @inline(__always)
  public func index(of nip: NIP) -> Int32? { indexByNIP[nip] }
}
