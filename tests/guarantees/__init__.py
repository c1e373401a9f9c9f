"""What holds everywhere: no draft leaks, escaping, fuzzing, hostile uploads, permissions, security, settings."""
