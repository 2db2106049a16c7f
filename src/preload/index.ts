import { contextBridge } from 'electron';
import { API_METHODS } from '../core/api';
contextBridge.exposeInMainWorld('lede', { methods: API_METHODS });
