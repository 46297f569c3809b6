/// Placeholder until the reader lands.
enum TherapyLogPlaceholder {}
