"""An MCP server for the API: `<cli> mcp` lets AI agents call its operations as tools.

Needs the `mcp` extra (`pip install '<distribution>[mcp]'`). The tool table is data,
generated from the API document (`tools.json` beside this module, each resource's input
schemas and calls in `tools/`); `_tools` reads,
filters and searches it, `_results` shapes what a call returns, `_confirm` holds the
confirmation tokens of destructive calls, and `server` is the server itself (the only
module that imports the MCP SDK). Nothing here is imported until the command runs.
"""
