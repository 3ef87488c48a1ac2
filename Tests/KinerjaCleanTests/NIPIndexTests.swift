import KinerjaClean
import KinerjaIngest
import KinerjaTestSupport
import Testing

@Suite struct NIPIndexTests {
  /// Agrees with a `Dictionary` through growth, replacement and misses.
  @Test func agreesWithADictionary() {
    var random = SeededGenerator(seed: 7)
    var index = NIPIndex()
    var reference: [UInt64: Int32] = [:]
    for position in 0..<20_000 {
      // Nearby NIPs (same birth date and appointment) collide in the low digits.
      let key = 198_001_012_005_011_000 + UInt64.random(in: 0..<30_000, using: &random)
      index.set(NIP(rawValue: key), to: Int32(position))
      reference[key] = Int32(position)
    }
    #expect(index.count == reference.count)
    for key in 198_001_012_005_011_000..<198_001_012_005_041_000 as Range<UInt64> {
      #expect(index[NIP(rawValue: key)] == reference[key])
    }
  }
}
