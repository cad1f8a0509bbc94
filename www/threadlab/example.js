// www/threadlab/example.html's script (a file: the CSP allows no inline scripts).
import * as threadlab from '../threadlab.js';

const $ = (id) => document.getElementById(id);
$('run').onclick = async () => {
  $('out').textContent = '';
  $('run').disabled = true;
  $('stop').disabled = false;
  $('status').textContent = 'running…';
  try {
    const report = await threadlab.run($('code').value, {
      mode: $('mode').value,
      onOutput: ({ text, stream }) => {
        const span = document.createElement('span');
        span.className = stream;
        span.textContent = text;
        $('out').append(span);
      },
    });
    const lanes = report.threads.map((t) => `${t.name} on worker ${t.native_id}`).join(', ');
    $('status').textContent = report.stopped
      ? 'stopped'
      : `${(report.wall_ms / 1000).toFixed(2)} s, ${report.gil_switches} GIL switches; ${lanes}`;
  } catch (e) {
    $('status').textContent = e.message;
  } finally {
    $('run').disabled = false;
    $('stop').disabled = true;
  }
};
$('stop').onclick = () => threadlab.stop();
