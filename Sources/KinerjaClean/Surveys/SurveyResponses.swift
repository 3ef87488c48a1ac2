public import KinerjaIngest

/// Cleaned citizens' satisfaction responses (SKM), stored by column.
public struct SurveyResponses: Sendable {
  /// The nine SKM elements, in order: persyaratan, prosedur, waktu penyelesaian,
  /// biaya/tarif, produk layanan, kompetensi pelaksana, perilaku pelaksana,
  /// penanganan pengaduan, sarana prasarana.
  package static let elementCount = 9

  /// Agency code ids into `agencies`.
  package internal(set) var agency: [Int32] = []
  /// Service-unit ids into `units` (−1 when absent).
  package internal(set) var unit: [Int32] = []
  /// The survey period: the grain period of the response date, a finer period rolled
  /// up to the grain, or a coarser period kept as the export states it.
  package internal(set) var period: [Period] = []
  /// Answers 1–4 (0 when the element was not answered), nine per response.
  package internal(set) var answers: [UInt8] = []

  /// Agency codes.
  package internal(set) var agencies = LabelTable()
  /// Service units.
  package internal(set) var units = LabelTable()

  package init() {}

  /// The number of responses.
  package var count: Int { agency.count }
}
