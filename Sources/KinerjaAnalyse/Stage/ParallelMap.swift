import Dispatch

/// `body(index)` for every index in `0..<count`, on up to `threads` workers at once.
///
/// Each result goes into a slot of its own and the slots are read in index order, so the
/// result does not depend on the thread count.
func parallelMap<Result>(count: Int, threads: Int, _ body: (Int) -> Result) -> [Result] {
  let slots = UnsafeMutableBufferPointer<Result?>.allocate(capacity: count)
  slots.initialize(repeating: nil)
  defer { slots.deinitialize().deallocate() }
  nonisolated(unsafe) let results = slots
  let workers = max(1, min(threads, count))
  withoutActuallyEscaping(body) { body in
    nonisolated(unsafe) let body = body
    DispatchQueue.concurrentPerform(iterations: workers) { worker in
      for index in stride(from: worker, to: count, by: workers) { results[index] = body(index) }
    }
  }
  return slots.map { $0! }
}
