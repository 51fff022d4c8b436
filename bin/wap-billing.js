#!/usr/bin/env -S node --max-semi-space-size=64
require("../dist/resource-provider/cli/main.js");
