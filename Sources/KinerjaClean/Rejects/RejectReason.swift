/// Why a row was rejected: the reason codes of the input contract.
public enum RejectReason: String, CaseIterable, Sendable, Codable, Comparable {
  /// Unbalanced quotes or the wrong number of fields.
  case malformedRow = "malformed_row"
  /// A field is not valid UTF-8.
  case invalidEncoding = "invalid_encoding"
  /// A required value is empty or a missing marker.
  case missingRequired = "missing_required"
  /// A NIP that is not 18 digits of a valid structure.
  case invalidNIP = "invalid_nip"
  /// A date that cannot be read or does not exist.
  case invalidDate = "invalid_date"
  /// An end date before the start date.
  case invalidDates = "invalid_dates"
  /// A period that cannot be read.
  case invalidPeriod = "invalid_period"
  /// A number that cannot be read.
  case invalidNumber = "invalid_number"
  /// A performance score outside 0–120.
  case scoreOutOfRange = "score_out_of_range"
  /// Another number outside its allowed range.
  case valueOutOfRange = "value_out_of_range"
  /// A rating, method, status, grade or similar outside its list.
  case unknownValue = "unknown_value"
  /// A NIP not in the employee master.
  case unknownEmployee = "unknown_employee"
  /// A programme not in the training history.
  case unknownProgram = "unknown_program"
  /// The earlier of two rows for the same NIP in the employee master.
  case duplicateEmployee = "duplicate_employee"
  /// The earlier of two appraisals of one employee for the same period.
  case duplicatePeriod = "duplicate_period"
  /// An appraisal period longer than the pipeline's grain.
  case periodCoarserThanGrain = "period_coarser_than_grain"
  /// An appraisal or survey period outside the pipeline's `periods`.
  case periodOutOfRange = "period_out_of_range"

  public static func < (lhs: RejectReason, rhs: RejectReason) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// A row's rejection: the reason and the canonical column that caused it.
public struct Rejection: Error, Sendable, Equatable {
  /// The reason code.
  public var reason: RejectReason
  /// The canonical column at fault, if one is.
  package var column: String?
  /// A short explanation for the rejects file, such as the expected field count.
  package var detail: String?

  package init(_ reason: RejectReason, column: String? = nil, detail: String? = nil) {
    self.reason = reason
    self.column = column
    self.detail = detail
  }
}
