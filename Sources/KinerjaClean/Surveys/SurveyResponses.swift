public import KinerjaIngest

/// Cleaned citizens' satisfaction responses (SKM), stored by column.
public struct SurveyResponses: Sendable {
  /// The nine SKM elements, in order: persyaratan, prosedur, waktu penyelesaian,
  /// biaya/tarif, produk layanan, kompetensi pelaksana, perilaku pelaksana,
  /// penanganan pengaduan, sarana prasarana.
  public static let elementCount = 9

  /// Agency code ids into `agencies`.
  public internal(set) var agency: [Int32] = []
  /// Service-unit ids into `units` (−1 when absent).
  public internal(set) var unit: [Int32] = []
  /// The survey period: the grain period of the response date, a finer period rolled
  /// up to the grain, or a coarser period kept as the export states it.
  public internal(set) var period: [Period] = []
  /// Answers 1–4 (0 when the element was not answered), nine per response.
  public internal(set) var answers: [UInt8] = []

  /// Agency codes.
  public internal(set) var agencies = LabelTable()
  /// Service units.
  public internal(set) var units = LabelTable()

  public init() {}

  /// The number of responses.
  public var count: Int { agency.count }
}
