/// Work on many items, at most `width` at a time, in a task group: the structured way `scs analyze`
/// uses every core with bounded memory (one item's work per core in flight, however many items).
enum BoundedParallel {
    /// Runs `work` on each item of `items` in child tasks, no more than `width` at once, and hands
    /// each value to `done` on the calling task as soon as it is ready (so `done` may keep state,
    /// write output and yield more items). Items come from `items` as it yields them.
    static func run<Item: Sendable, Value: Sendable>(
        _ items: AsyncStream<Item>, width: Int, work: @escaping @Sendable (Item) -> Value,
        done: (Value) -> Void
    ) async {
        let (events, post) = AsyncStream.makeStream(of: Event<Item, Value>.self)
        await withTaskGroup(of: Void.self) { group in
            // Items and results meet in one stream, so a result is handed over while the next item
            // is still awaited (a slow writer on standard input holds back no finished work).
            group.addTask {
                for await item in items { post.yield(.item(item)) }
                post.yield(.end)
            }
            var waiting: [Item] = []
            var next = 0
            var running = 0
            var hasEnded = false
            for await event in events {
                switch event {
                case .item(let item): waiting.append(item)
                case .end: hasEnded = true
                case .result(let value):
                    running -= 1
                    done(value)
                }
                while running < max(width, 1), next < waiting.count {
                    let item = waiting[next]
                    next += 1
                    running += 1
                    group.addTask { post.yield(.result(work(item))) }
                }
                if next == waiting.count {
                    waiting.removeAll(keepingCapacity: true)
                    next = 0
                }
                if running == 0, hasEnded { break }
            }
        }
    }

    private enum Event<Item: Sendable, Value: Sendable>: Sendable {
        case item(Item)
        case end
        case result(Value)
    }
}
