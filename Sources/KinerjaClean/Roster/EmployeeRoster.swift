public import KinerjaIngest

/// The cleaned employee master, stored by column; an employee is an `Int32` index.
///
/// Text attributes are ids into label tables (−1 when absent), so grouping by agency,
/// region, unit or sector compares integers.
public struct EmployeeRoster: Sendable {
  /// Each employee's NIP.
  package internal(set) var nips: [NIP] = []
  /// Agency code ids into `agencies`.
  package internal(set) var agency: [Int32] = []
  /// Region ids into `regions`.
  package internal(set) var region: [Int32] = []
  /// Work-unit ids into `units` (−1 when absent); unit names repeat across agencies.
  package internal(set) var unit: [Int32] = []
  /// Sector ids into `sectors` (−1 when absent), lowercased.
  package internal(set) var sector: [Int32] = []
  /// Grades (`nil` when absent).
  package internal(set) var grade: [Grade?] = []
  /// Position types (`nil` when absent).
  package internal(set) var positionType: [PositionType?] = []
  /// Genders, from the export or else from the NIP.
  package internal(set) var gender: [Gender] = []
  /// Birth dates, from the export or else from the NIP.
  package internal(set) var birthDate: [CalendarDate] = []

  /// Agency codes.
  package internal(set) var agencies = LabelTable()
  /// Agency names by agency id (the last non-empty name seen; empty when none).
  package internal(set) var agencyNames: [String] = []
  /// Regions.
  package internal(set) var regions = LabelTable()
  /// Work units.
  package internal(set) var units = LabelTable()
  /// Sectors.
  package internal(set) var sectors = LabelTable()

  var indexByNIP = NIPIndex()

  package init() {}

  /// The number of employees.
  public var count: Int { nips.count }

  /// The index of the employee with `nip`, if the master has one.
  @inline(__always)
  package func index(of nip: NIP) -> Int32? { indexByNIP[nip] }
}
