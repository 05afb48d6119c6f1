/* vendors */ window.__VUE_DEVTOOLS_HOOK_REPLAY__=[];
