/// Placeholder until the frame format lands.
enum ProtocolPlaceholder {}
