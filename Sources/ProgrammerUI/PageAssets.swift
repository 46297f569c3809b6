import HTTPTypes
import Hummingbird
import NIOCore

/// The page's files, compiled into the binary (no build step, no files to install).
enum PageAssets {
    private static let files: [String: (type: String, bytes: [UInt8])] = [
        "index.html": ("text/html; charset=utf-8", PackageResources.index_html),
        "app.js": ("text/javascript; charset=utf-8", PackageResources.app_js),
        "diagram.js": ("text/javascript; charset=utf-8", PackageResources.diagram_js),
        "envelope.js": ("text/javascript; charset=utf-8", PackageResources.envelope_js),
        "style.css": ("text/css; charset=utf-8", PackageResources.style_css),
    ]

    /// The file `name` with its type, or a 404.
    static func response(_ name: String) -> Response {
        guard let file = files[name] else { return Refusal.response(.notFound, "there is no '\(name)' here") }
        return Response(
            status: .ok,
            headers: [
                .contentType: file.type,
                .contentSecurityPolicy:
                    "default-src 'self'; connect-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'",
            ],
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: file.bytes)))
    }
}
