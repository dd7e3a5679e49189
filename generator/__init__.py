"""sdkgen: turn an OpenAPI 3.0, 3.1 or 3.2 (or Swagger 2.0) document into a typed Python client package."""

__version__ = "0.1.0"
