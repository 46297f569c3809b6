import SCSCommands

/// One message to the page: `{"type": …, "id": …, "data": …}`, `id` echoing the request's.
struct Reply<Body: Encodable>: Encodable {
    var type: String
    var id: Int?
    var data: Body

    /// The message's JSON text (the package's one JSON writer).
    static func text(_ type: String, id: Int? = nil, _ data: Body) -> String {
        (try? JSONOutput.encode(Reply(type: type, id: id, data: data)))
            ?? #"{"type":"error","data":{"status":500,"message":"the answer could not be written"}}"#
    }
}

/// A sentence for the page: what was done, what was refused and why, or what was wrong with a request.
struct Notice: Encodable {
    /// The HTTP status the same request would have had: 200 done, 409 refused, 400 bad input.
    var status: Int
    var message: String
}
