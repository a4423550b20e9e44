"""Reports: findings written to a stream as text, JSON or GitHub Actions commands."""
