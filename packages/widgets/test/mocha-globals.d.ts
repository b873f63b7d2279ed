// Browser tests run under mocha (web-test-runner): its globals, for the type check only.
/// <reference types="mocha" />
