/// A map from a few keys to values, holding at most `capacity` keys: the series' per-slot buckets. A linear search over so few keys is cheaper than hashing, and the bound keeps memory fixed
/// however many keys a recording names.
struct BoundedMap<Key: Comparable & Sendable, Value: Sendable>: Sendable {
    /// The most keys held; later new keys are ignored.
    let capacity: Int
    private var keys: [Key] = []
    private var values: [Value] = []

    init(capacity: Int) {
        self.capacity = capacity
    }

    /// Changes the value of `key` with `body`, first adding it as `make()` when it is new and there
    /// is room; does nothing for a new key when the map is full.
    mutating func update(_ key: Key, make: @autoclosure () -> Value, _ body: (inout Value) -> Void) {
        if let index = keys.firstIndex(of: key) {
            body(&values[index])
        } else if keys.count < capacity {
            keys.append(key)
            values.append(make())
            body(&values[values.count - 1])
        }
    }

    /// The keys and values in increasing key order.
    var sorted: [(key: Key, value: Value)] {
        zip(keys, values).sorted { $0.0 < $1.0 }.map { (key: $0.0, value: $0.1) }
    }
}
