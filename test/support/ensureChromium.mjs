// Runs before `npm test` (pretest): the browser tests drive Debian's Chromium. Installs it when it
// is missing and we can (root on Debian); otherwise stops with what to do. Never skips silently.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const CHROMIUM = '/usr/bin/chromium';

function fail(reason) {
  console.error(`Browser tests need Chromium at ${CHROMIUM}, and it is missing: ${reason}`);
  console.error('Install it with: sudo apt-get update && sudo apt-get install -y chromium');
  process.exit(1);
}

if (!existsSync(CHROMIUM)) {
  if (!existsSync('/etc/debian_version')) fail('this is not Debian (or a derivative), so it cannot be installed from here.');
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) fail('installing it needs root, and this is not root.');
  console.log(`Installing Chromium for the browser tests (apt-get install chromium)...`);
  const apt = (args) =>
    execFileSync('apt-get', ['-o', 'DPkg::Lock::Timeout=600', ...args], {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
  try {
    apt(['update']);
    apt(['install', '-y', '--no-install-recommends', 'chromium']);
  } catch {
    fail('apt-get could not install it (see the output above).');
  }
  if (!existsSync(CHROMIUM)) fail(`apt-get finished but ${CHROMIUM} is still not there.`);
}
