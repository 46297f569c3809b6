/// Placeholder until the simulator lands.
enum StimDevicePlaceholder {}
