import HTTPTypes
import Hummingbird
import Report

/// A request the server turns away: its status and a short HTML page that says why.
enum Refusal {
    static func response(_ status: HTTPResponse.Status, _ reason: String) -> Response {
        let page = """
            <!doctype html><html lang="en"><meta charset="utf-8"><title>scs ui: \(status.code)</title>
            <p role="alert">\(status.code) \(Markup.escape(status.reasonPhrase)): \(Markup.escape(reason))</p></html>
            """
        return Response(
            status: status, headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "no-store"],
            body: ResponseBody(byteBuffer: ByteBuffer(string: page)))
    }
}
