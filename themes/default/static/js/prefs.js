/* Reading preferences applied before first paint (contrast, text size). */
