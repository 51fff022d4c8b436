#!/usr/bin/env node
require("../dist/resource-provider/cli/main.js");
