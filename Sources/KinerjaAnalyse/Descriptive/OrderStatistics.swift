/// Type-7 quantiles of a sample by selection, without sorting it.
///
/// A quantile needs only the order statistics next to (n − 1)p, so a quickselect moves
/// just those into place: linear time, where a sort takes n log n. The values are
/// reordered in place.
package struct OrderStatistics {
  private var values: UnsafeMutableBufferPointer<Double>
  /// Everything before this index is known to be ≤ everything from it on.
  private var settled = 0

  /// Wraps `values`, which selection will reorder.
  package init(_ values: UnsafeMutableBufferPointer<Double>) { self.values = values }

  /// The `probabilities` quantiles (each 0…1), type 7, interpolated as numpy does;
  /// ask for them in increasing order for the least work.
  package mutating func quantiles(_ probabilities: [Double]) -> [Double] {
    probabilities.map { quantile($0) }
  }

  private mutating func quantile(_ probability: Double) -> Double {
    guard !values.isEmpty else { return .nan }
    let position = Double(values.count - 1) * probability
    let lower = Int(position.rounded(.down))
    let below = select(lower)
    // After selecting `lower`, everything to its right is ≥ it: the next order statistic is their minimum.
    var above = below
    if lower + 1 < values.count {
      above = values[lower + 1]
      for index in (lower + 2)..<values.count where values[index] < above { above = values[index] }
    }
    let fraction = position - Double(lower)
    let difference = above - below
    return fraction >= 0.5 ? above - difference * (1 - fraction) : below + difference * fraction
  }

  /// Puts the k-th smallest value at index k (Hoare's quickselect, median-of-three pivot).
  private mutating func select(_ k: Int) -> Double {
    var low = k >= settled ? settled : 0
    var high = values.count - 1
    while low < high {
      let middle = low + (high - low) / 2
      // Median of three as the pivot, for sorted and constant runs alike.
      if values[middle] < values[low] { values.swapAt(middle, low) }
      if values[high] < values[low] { values.swapAt(high, low) }
      if values[high] < values[middle] { values.swapAt(high, middle) }
      let pivot = values[middle]
      var i = low
      var j = high
      while i <= j {
        while values[i] < pivot { i += 1 }
        while values[j] > pivot { j -= 1 }
        if i <= j {
          values.swapAt(i, j)
          i += 1
          j -= 1
        }
      }
      if k <= j {
        high = j
      } else if k >= i {
        low = i
      } else {
        break
      }
    }
    settled = max(settled, k)
    return values[k]
  }
}
